// Two real processes contend for one unit lock. Spawns node children (no Docker, no network);
// the children's hold times are real, but the test asserts only on ordering and outcomes.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

jest.setTimeout(30_000);

let work: string;
let lib: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'rxcharm-lock-'));
  lib = join(work, 'lock.cjs');
  buildSync({
    entryPoints: [join(__dirname, '..', '..', '..', 'framework', 'unit', 'unit-lock.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: lib,
    logLevel: 'error',
  });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A child that takes the lock, logs "start <name>", waits for stdin to close, logs "end <name>". */
const CHILD = `
const { withUnitLock } = require(process.argv[2]);
const [unitDir, log, name, timeoutMs] = process.argv.slice(3);
const fs = require('fs');
process.stdout.write('trying\\n');
withUnitLock(unitDir, () => new Promise((resolve) => {
  fs.appendFileSync(log, 'start ' + name + '\\n');
  process.stdout.write('locked\\n');
  process.stdin.on('data', () => {}).on('end', () => { fs.appendFileSync(log, 'end ' + name + '\\n'); resolve(); });
}), { timeoutMs: Number(timeoutMs), pollMs: 10 }).then(
  () => process.exit(0),
  (e) => { process.stderr.write(e.code + ': ' + e.message); process.exit(3); },
);`;

function child(unitDir: string, log: string, name: string, timeoutMs: number) {
  const script = join(work, 'child.js');
  writeFileSync(script, CHILD);
  const p = spawn(process.execPath, [script, lib, unitDir, log, name, String(timeoutMs)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let out = '';
  p.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const seen = (word: string) =>
    new Promise<void>((resolve) => {
      const check = () => out.includes(word) && resolve();
      p.stdout.on('data', check);
      check();
    });
  const trying = seen('trying');
  const locked = seen('locked');
  const exited = new Promise<number>((resolve) => p.on('exit', (code) => resolve(code ?? -1)));
  return { p, trying, locked, exited, stderr: () => stderr };
}

describe('withUnitLock across processes', () => {
  it('a second process waits, then runs after the first: never interleaved', async () => {
    const unitDir = mkdtempSync(join(work, 'unit-'));
    const log = join(unitDir, 'log');
    writeFileSync(log, '');
    const a = child(unitDir, log, 'A', 20_000);
    await a.locked;
    const b = child(unitDir, log, 'B', 20_000);
    // B is running and trying; give it ample time to (wrongly) get in, then check it did not.
    await b.trying;
    await new Promise((r) => setTimeout(r, 300));
    expect(readFileSync(log, 'utf8')).toBe('start A\n');
    a.p.stdin.end();
    await b.locked;
    b.p.stdin.end();
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);
    expect(readFileSync(log, 'utf8')).toBe('start A\nend A\nstart B\nend B\n');
  });

  it('fails clearly when the wait exceeds the timeout', async () => {
    const unitDir = mkdtempSync(join(work, 'unit-'));
    const log = join(unitDir, 'log');
    const a = child(unitDir, log, 'A', 20_000);
    await a.locked;
    const b = child(unitDir, log, 'B', 100);
    expect(await b.exited).toBe(3);
    expect(b.stderr()).toMatch(
      /^UNIT_LOCK_TIMEOUT: unit lock not acquired: .*\nanother hook held .*unit\.lock for more than 100 ms/,
    );
    a.p.stdin.end();
    expect(await a.exited).toBe(0);
    expect(readFileSync(log, 'utf8')).toBe('start A\nend A\n');
  });
});

/**
 * Built charms load `crypto`, `assert` and `child_process` only on first use (framework/build/start-up-tuning.ts):
 * code importing them behaves exactly as before, and a bundle that never uses them never loads
 * them.
 */
import assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { lazyBuiltinsPlugin } from '../../../framework/build/start-up-tuning';
import { tempDir } from './helpers';

const SOURCE = `
import { createHash, randomBytes } from 'node:crypto';
import * as cryptoNs from 'crypto';
import assert, { strictEqual } from 'node:assert';
import { spawnSync as run } from 'node:child_process';
const assertCjs = require('assert');
const loaded = (name) => process.moduleLoadList.includes('NativeModule ' + name);
const before = { crypto: loaded('crypto'), assert: loaded('assert'), child_process: loaded('child_process') };
if (process.argv[2] === 'use') {
  const out = {
    before,
    sha: createHash('sha256').update('x').digest('hex').slice(0, 12),
    random: randomBytes(4).length,
    ns: typeof cryptoNs.randomUUID,
    after: { crypto: loaded('crypto') },
    child: run(process.execPath, ['-e', 'process.stdout.write("hi")'], { encoding: 'utf8' }).stdout,
  };
  assert(true);
  assert.equal(1, 1);
  strictEqual('a', 'a');
  assertCjs.deepStrictEqual({ a: 1 }, { a: 1 });
  let thrown;
  try { assertCjs.equal(1, 2, 'one is not two'); } catch (e) { thrown = e instanceof assertCjs.AssertionError ? e.message : 'wrong type'; }
  out.thrown = thrown;
  out.failing = [() => assert(0), () => assert.ok(''), () => assert.ok(), () => assert.strictEqual(1, '1'), () => assertCjs.equal(1)]
    .map((f) => { try { f(); return 'passed'; } catch (e) { return e.code; } });
  console.log(JSON.stringify(out));
} else {
  // Passing checks, as signal-exit makes when the unit lock is taken, need not load assert.
  assertCjs.equal(typeof (() => 1), 'function', 'a callback must be provided');
  assert(true);
  assert.ok(1);
  assert.equal(NaN, NaN);
  assert.strictEqual('a', 'a');
  console.log(JSON.stringify({ before, after: { crypto: loaded('crypto'), assert: loaded('assert'), child_process: loaded('child_process') } }));
}
`;

async function bundle(dir: string): Promise<string> {
  const src = join(dir, 'src.ts');
  writeFileSync(src, SOURCE);
  const outfile = join(dir, 'out.js');
  await build({
    entryPoints: [src],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    plugins: [lazyBuiltinsPlugin()],
    logLevel: 'silent',
  });
  return outfile;
}

/** The same failing calls as SOURCE's, against the real module: what the stand-in must throw. */
function failingWithRealAssert(): string[] {
  const calls = [
    () => assert(0),
    () => assert.ok(''),
    () => (assert.ok as () => void)(),
    () => assert.strictEqual(1, '1'),
    () => (assert.equal as (a: unknown) => void)(1),
  ];
  return calls.map((f) => {
    try {
      f();
      return 'passed';
    } catch (e) {
      return (e as { code: string }).code;
    }
  });
}

describe('lazy built-ins in built charms', () => {
  it('behave as the real modules once used', async () => {
    using tmp = tempDir('lazy');
    const r = spawnSync(process.execPath, [await bundle(tmp.dir), 'use'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      before: { crypto: false, assert: false, child_process: false },
      sha: '2d711642b726',
      random: 4,
      ns: 'function',
      after: { crypto: true },
      child: 'hi',
      thrown: 'one is not two',
      failing: failingWithRealAssert(),
    });
  });

  it('are never loaded by a bundle that does not use them', async () => {
    using tmp = tempDir('lazy');
    const r = spawnSync(process.execPath, [await bundle(tmp.dir)], { encoding: 'utf8' });
    expect(JSON.parse(r.stdout)).toEqual({
      before: { crypto: false, assert: false, child_process: false },
      after: { crypto: false, assert: false, child_process: false },
    });
  });
});

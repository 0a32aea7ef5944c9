import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { FileUnitStore } from '../../../unit';
import { CliError } from '../../cli-error';
import { registerFlags } from '../flags';
import { changeFlag, listFlags, resolveUnitDir } from './flag-commands';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rxcharm-flags-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]): Promise<string> {
  const program = new Command('rxcharm').exitOverride();
  registerFlags(program);
  let out = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(args, { from: 'user' });
  } finally {
    spy.mockRestore();
  }
  return out;
}

describe('rxcharm flags', () => {
  it('resolves the unit dir: option, then $JUJU_CHARM_DIR, then cwd', () => {
    expect(resolveUnitDir('/a', { JUJU_CHARM_DIR: '/b' }, '/c')).toBe('/a');
    expect(resolveUnitDir(undefined, { JUJU_CHARM_DIR: '/b' }, '/c')).toBe('/b');
    expect(resolveUnitDir(undefined, {}, '/c')).toBe('/c');
  });

  it('sets, clears and lists flags in the unit store', async () => {
    expect(await changeFlag(dir, 'b.ready', 'set', 1000)).toBe(true);
    expect(await changeFlag(dir, 'a', 'set', 1000)).toBe(true);
    expect(await changeFlag(dir, 'a', 'set', 1000)).toBe(false);
    expect(await changeFlag(dir, 'b.ready', 'clear', 1000)).toBe(true);
    expect(listFlags(dir)).toEqual(['a']);
    expect(new FileUnitStore(dir).load().flags).toEqual(['a']);
  });

  it('commander wiring: list, --json, set/clear with --unit-dir', async () => {
    await cli(['flags', 'set', 'x', '--unit-dir', dir]);
    await cli(['flags', '--unit-dir', dir, 'set', 'y']);
    expect(await cli(['flags', '--unit-dir', dir])).toBe('x\ny\n');
    await cli(['flags', 'clear', 'x', '--unit-dir', dir]);
    expect(await cli(['flags', '--unit-dir', dir, '--json'])).toBe('["y"]\n');
  });

  it('a positional unit is looked up in the local agent model, and fails clearly without one', async () => {
    const err = await cli(['flags', 'web/0', '--model', join(dir, 'no-model')]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CliError);
    expect((err as CliError).exitCode).toBe(2);
    expect((err as CliError).message).toMatch(/^unit web\/0: no local model at /);
  });
});

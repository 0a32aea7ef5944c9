import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModelState, ModelStore, type ModelData } from '../../../agent';
import { writeHookTrace } from '../../../runtime/hook-trace-file';
import { CliError } from '../../cli-error';
import { agentUnitCharmDir } from './agent-unit-dir';
import { selectTraces } from './trace-command';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rxcharm-trace-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const dispatch = (hook: string) => ({
  hook,
  invoked: ['a:f:C.m'],
  flags: ['x'],
  iterations: 1,
  trace: [{ type: 'handler.invoked' as const, iteration: 0, handler: 'a:f:C.m' }],
});

describe('selectTraces', () => {
  it('returns the last N hooks, or hook #N, numbered in order', () => {
    for (const hook of ['install', 'config-changed', 'start'])
      writeHookTrace(dir, { unit: 'a/0', hook, ok: true, dispatch: dispatch(hook) });
    expect(selectTraces(dir, 'a/0', undefined, 2).map((r) => `${r.n} ${r.hook}`)).toEqual([
      '2 config-changed',
      '3 start',
    ]);
    expect(selectTraces(dir, 'a/0', 1, 1)[0]).toMatchObject({
      n: 1,
      hook: 'install',
      ok: true,
      invoked: ['a:f:C.m'],
      flags: ['x'],
    });
  });

  it('keeps the trace of a failed hook from the handler error', () => {
    const error = Object.assign(new Error('boom'), { partial: dispatch('config-changed') });
    writeHookTrace(dir, { unit: 'a/0', hook: 'config-changed', ok: false, reason: 'handler C.m failed: boom', error });
    expect(selectTraces(dir, 'a/0', undefined, 1)[0]).toMatchObject({
      ok: false,
      reason: 'handler C.m failed: boom',
      invoked: ['a:f:C.m'],
    });
  });

  it('names what exists when the hook or the traces are missing', () => {
    expect(() => selectTraces(dir, 'a/0', undefined, 1)).toThrow(CliError);
    writeHookTrace(dir, { unit: 'a/0', hook: 'install', ok: true, dispatch: dispatch('install') });
    expect(() => selectTraces(dir, 'a/0', 7, 1)).toThrow('no hook #7 (kept: #1 to #1)');
  });
});

describe('agentUnitCharmDir', () => {
  it("finds a unit's charm dir in the model and lists the units it has otherwise", () => {
    const data = ModelState.empty('local', 'uuid') as unknown as Record<string, unknown>;
    data.applications = {
      tiny: { name: 'tiny', units: { 'tiny/0': { name: 'tiny/0', charmDir: 'units/tiny-0/charm' } } },
    };
    new ModelStore(dir).save(data as unknown as ModelData);
    expect(agentUnitCharmDir('tiny/0', dir, {})).toBe(join(dir, 'units/tiny-0/charm'));
    expect(() => agentUnitCharmDir('tiny/3', dir, {})).toThrow('unit tiny/3: not in the model at');
    expect(() => agentUnitCharmDir('tiny/0', join(dir, 'nowhere'), {})).toThrow('no local model at');
  });
});

import type { HookTraceRecord } from '../runtime/hook-trace-file';
import { diffDispatch, formatDispatchDiff } from './dispatch-diff';

function trace(n: number, invoked: string[], flags: string[], ok = true): HookTraceRecord {
  return { version: 1, n, unit: 'app/0', hook: 'config-changed', ok, time: '', invoked, flags, trace: [] };
}

describe('diffDispatch', () => {
  it('names handlers that now run or no longer run and flags now set or cleared', () => {
    const diff = diffDispatch(trace(1, ['a', 'b'], ['x', 'y']), trace(2, ['b', 'c'], ['y', 'z']));
    expect(diff).toMatchObject({ compared: true, nowRun: ['c'], noLongerRun: ['a'], nowSet: ['z'], cleared: ['x'] });
    expect(formatDispatchDiff(diff)).toEqual([
      'app/0: config-changed ok (2 handlers ran)',
      '    now runs: c',
      '    no longer runs: a',
      '    flags now set: z',
      '    flags cleared: x',
    ]);
  });

  it('says when nothing changed, and when there is no previous run', () => {
    expect(formatDispatchDiff(diffDispatch(trace(1, ['a'], []), trace(2, ['a'], [])))).toEqual([
      'app/0: config-changed ok (1 handler ran)',
      '    same handlers and flags as last time',
    ]);
    expect(formatDispatchDiff(diffDispatch(undefined, trace(2, [], [], false)))).toEqual([
      'app/0: config-changed failed (0 handlers ran)',
      '    first run of this hook on the unit',
    ]);
  });
});

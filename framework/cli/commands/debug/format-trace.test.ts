import type { HookTraceRecord } from '../../../runtime/hook-trace-file';
import { formatHookTrace, shortHandler } from './format-trace';

const record: HookTraceRecord = {
  version: 1,
  n: 4,
  unit: 'app/0',
  hook: 'config-changed',
  ok: true,
  time: '2026-01-01T00:00:00.000Z',
  invoked: ['app:reactive/app.ts:App.configure'],
  flags: ['app.ready'],
  trace: [
    { type: 'phase.start', phase: 'reactive', hook: 'config-changed' },
    { type: 'flag.set', iteration: 'hook', flag: 'config.changed', cause: 'runtime' },
    { type: 'iteration.start', iteration: 0, candidates: 2 },
    { type: 'handler.tested', iteration: 0, handler: 'app:reactive/app.ts:App.configure', passed: true, unmet: [] },
    {
      type: 'handler.tested',
      iteration: 0,
      handler: 'app:reactive/app.ts:App.start',
      passed: false,
      unmet: ['when(app.ready)'],
    },
    { type: 'handler.invoked', iteration: 0, handler: 'app:reactive/app.ts:App.configure' },
    { type: 'flag.set', iteration: 0, flag: 'app.ready', cause: 'app:reactive/app.ts:App.configure' },
  ],
};

describe('formatHookTrace', () => {
  it('says what ran, what it changed, and counts the rest', () => {
    expect(formatHookTrace(record)).toBe(
      [
        '#4 config-changed on app/0: ok (2026-01-01T00:00:00.000Z)',
        '  hook phase',
        '             + config.changed  (runtime)',
        '  iteration 0',
        '    ran      App.configure',
        '             + app.ready  (App.configure)',
        '    (1 handler did not match; --verbose lists why)',
        '  flags after dispatch: app.ready',
        '',
      ].join('\n'),
    );
  });

  it('lists why each other handler did not run when verbose', () => {
    expect(formatHookTrace(record, true)).toContain('    not run  App.start: when(app.ready)');
  });

  it('names the changed flags that chose an iteration', () => {
    const later: HookTraceRecord = {
      ...record,
      trace: [...record.trace, { type: 'iteration.start', iteration: 1, candidates: 1, changed: ['app.ready'] }],
    };
    expect(formatHookTrace(later)).toContain('  iteration 1\n    after changes to app.ready\n');
  });

  it('shortens handler ids', () => {
    expect(shortHandler('interface:redis:requires:RedisRequires.onJoined#cache')).toBe('RedisRequires.onJoined#cache');
  });
});

import { checksFromRules, summarizeStatus } from './status-summary';

describe('summarizeStatus', () => {
  it('is active with the given message when every check holds', () => {
    expect(summarizeStatus([{ ok: true, status: 'blocked', message: 'x' }], 'serving')).toEqual({
      status: 'active',
      message: 'serving',
    });
  });

  it('picks the most severe failing level and joins its messages', () => {
    const summary = summarizeStatus([
      { ok: false, status: 'waiting', message: 'waiting for redis' },
      { ok: false, status: 'blocked', message: 'set image' },
      { ok: false, status: 'blocked', message: 'set port' },
      { ok: false, status: 'maintenance', message: 'installing' },
    ]);
    expect(summary).toEqual({ status: 'blocked', message: 'set image; set port' });
  });

  it('ranks maintenance above waiting', () => {
    expect(
      summarizeStatus([
        { ok: false, status: 'waiting', message: 'w' },
        { ok: false, status: 'maintenance', message: 'm' },
      ]).status,
    ).toBe('maintenance');
  });
});

describe('checksFromRules', () => {
  it('fails a rule while its flag is unset', () => {
    const flags = new Set(['docker.available']);
    const checks = checksFromRules(
      [
        { until: 'docker.available', status: 'waiting', message: 'waiting for Docker' },
        { until: 'app.started', status: 'maintenance', message: 'starting' },
      ],
      (flag) => flags.has(flag),
    );
    expect(summarizeStatus(checks)).toEqual({ status: 'maintenance', message: 'starting' });
  });
});

import { parseJujuDuration } from './juju-duration';
import { DurationSyntaxError } from './daemon-errors';
import { agentModelSettings, applyModelSettings, modelSettingsView, validateModelSettings } from './model-settings';
import { ModelSettingsError } from './daemon-errors';
import { ModelState } from '../model/model-state';

describe('parseJujuDuration', () => {
  it('reads Go duration syntax', () => {
    expect(parseJujuDuration('5m')).toBe(300_000);
    expect(parseJujuDuration('30s')).toBe(30_000);
    expect(parseJujuDuration('1h')).toBe(3_600_000);
    expect(parseJujuDuration('1h30m')).toBe(5_400_000);
    expect(parseJujuDuration('1.5s')).toBe(1_500);
    expect(parseJujuDuration('500ms')).toBe(500);
    expect(parseJujuDuration('2m3.5s')).toBe(123_500);
    expect(parseJujuDuration('1500us')).toBeCloseTo(1.5);
    expect(parseJujuDuration('0')).toBe(0);
    expect(parseJujuDuration('+10s')).toBe(10_000);
  });

  it.each([
    ['', 'empty'],
    ['5', 'missing unit after 5'],
    ['5 m', 'missing unit after 5'],
    ['m', 'expected a number'],
    ['5d', 'unknown unit "d"'],
    ['-5m', 'negative'],
    ['5m-', 'expected a number'],
    ['.s', 'expected a number'],
  ])('refuses %j (%s)', (text, problem) => {
    expect(() => parseJujuDuration(text)).toThrow(DurationSyntaxError);
    expect(() => parseJujuDuration(text)).toThrow(problem);
  });
});

describe('model settings', () => {
  const empty = () => ModelState.empty('m', 'u');

  it('shows Juju’s defaults', () => {
    const data = empty();
    expect(modelSettingsView(data)).toEqual([
      { key: 'automatically-retry-hooks', from: 'default', value: true },
      { key: 'update-status-hook-interval', from: 'default', value: '5m' },
    ]);
    expect(agentModelSettings(data)).toEqual({ updateStatusIntervalMs: 300_000, retryHooks: true });
  });

  it('sets, reports what changed and resets', () => {
    const data = empty();
    expect(applyModelSettings(data, ['update-status-hook-interval=1s', 'automatically-retry-hooks=FALSE'])).toEqual([
      'automatically-retry-hooks',
      'update-status-hook-interval',
    ]);
    expect(agentModelSettings(data)).toEqual({ updateStatusIntervalMs: 1_000, retryHooks: false });
    expect(modelSettingsView(data)[1]).toEqual({ key: 'update-status-hook-interval', from: 'model', value: '1s' });
    expect(applyModelSettings(data, ['update-status-hook-interval=1s'])).toEqual([]);
    expect(applyModelSettings(data, [], ['automatically-retry-hooks'])).toEqual(['automatically-retry-hooks']);
    expect(data.modelConfig).toEqual({ 'update-status-hook-interval': '1s' });
  });

  it('refuses bad input naming each key, and changes nothing', () => {
    const data = empty();
    applyModelSettings(data, ['update-status-hook-interval=2m']);
    const before = JSON.stringify(data);
    let error: unknown;
    try {
      applyModelSettings(data, [
        'update-status-hook-interval=5x',
        'automatically-retry-hooks=maybe',
        'colour=red',
        'noequals',
      ]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ModelSettingsError);
    expect((error as Error).message).toBe(
      'invalid model config:\n' +
        '  update-status-hook-interval: invalid duration "5x": unknown unit "x" (examples: 5m, 30s, 1h30m, 500ms)\n' +
        '  automatically-retry-hooks: expected true or false, got "maybe"\n' +
        '  colour: unknown setting (known: automatically-retry-hooks, update-status-hook-interval)\n' +
        '  "noequals": expected key=value',
    );
    expect(JSON.stringify(data)).toBe(before);
    expect(() => validateModelSettings(['update-status-hook-interval=0'])).toThrow(
      'update-status-hook-interval: must be longer than 0, got "0"',
    );
    expect(() => validateModelSettings([], ['nope'])).toThrow('nope: unknown setting');
  });
});

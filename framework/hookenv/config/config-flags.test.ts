import fc from 'fast-check';
import { configFlags, isConfigFlag } from './config-flags';

describe('configFlags', () => {
  const defaults = { port: 80, name: '', debug: false };

  it('first hook: every option changed', () => {
    expect(configFlags(null, { port: 80, name: 'x', debug: false }, defaults)).toEqual([
      'config.changed',
      'config.changed.debug',
      'config.changed.name',
      'config.changed.port',
      'config.default.debug',
      'config.default.port',
      'config.set.name',
      'config.set.port',
    ]);
  });

  it('only what differs from the previous snapshot counts as changed', () => {
    expect(configFlags({ port: 80, name: 'x', debug: false }, { port: 81, name: 'x', debug: false }, defaults)).toEqual(
      ['config.changed', 'config.changed.port', 'config.default.debug', 'config.set.name', 'config.set.port'],
    );
  });

  it('nothing changed: no config.changed at all', () => {
    expect(configFlags({ port: 0, name: '', debug: true }, { port: 0, name: '', debug: true }, defaults)).toEqual([
      'config.default.name',
      'config.set.debug',
    ]);
  });

  it('a new or removed option is a change', () => {
    // No default declared means null, so an unset option is "at its default" (layer:basic does the same).
    expect(configFlags({ port: 80 }, { port: 80, extra: null }, {})).toEqual([
      'config.changed',
      'config.changed.extra',
      'config.default.extra',
      'config.set.port',
    ]);
    expect(configFlags({ port: 80, gone: 1 }, { port: 80 }, {})).toEqual(['config.changed', 'config.set.port']);
  });

  it('is stable: applying the current config as previous yields no changed flags (property)', () => {
    const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), value), (current) => {
        const flags = configFlags(current, current);
        return flags.every((f) => !f.startsWith('config.changed')) && flags.every(isConfigFlag);
      }),
    );
  });
});

import { Config } from './config';
import { UnknownConfigKeyError } from './config-errors';
import { parseConfigSchema } from '../../charm';

const schema = parseConfigSchema('options:\n  port: { type: int, default: 80 }\n  name: { type: string }\n');

describe('Config', () => {
  it('gets current and previous values and tells what changed', () => {
    const c = new Config(schema, { port: 81, name: 'a' }, { port: 80, name: 'a' });
    expect(c.get('port')).toBe(81);
    expect(c.previous('port')).toBe(80);
    expect(c.changed('port')).toBe(true);
    expect(c.changed('name')).toBe(false);
    expect(c.default('port')).toBe(80);
    expect(c.all()).toEqual({ port: 81, name: 'a' });
    expect(c.first).toBe(false);
  });

  it('first hook: everything changed, no previous values', () => {
    const c = new Config(schema, { port: 80, name: null }, null);
    expect(c.first).toBe(true);
    expect(c.changed('name')).toBe(true);
    expect(c.previous('port')).toBeNull();
  });

  it('unknown keys fail loudly, naming the declared ones', () => {
    const c = new Config(schema, { port: 80, name: null }, null);
    expect(() => c.get('prot')).toThrow(UnknownConfigKeyError);
    expect(() => c.get('prot')).toThrow('unknown config option: prot (config.yaml declares: name, port)');
  });

  it('is immutable', () => {
    const c = new Config(schema, { port: 80, name: null }, null);
    expect(Object.isFrozen(c.all())).toBe(true);
  });
});

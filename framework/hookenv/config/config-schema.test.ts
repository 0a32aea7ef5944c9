import { parseConfigSchema } from '../../charm';
import { ConfigSchemaError, ConfigValueError } from './config-errors';
import { validateConfigValues } from './config-schema';

const YAML_TEXT = `
options:
  port: { type: int, default: 80 }
  ratio: { type: float, default: 0.5 }
  name: { type: string }
  debug: { type: boolean, default: false }
`;

describe('parseConfigSchema', () => {
  it('reads types and defaults (missing default = null, missing type = string)', () => {
    expect(parseConfigSchema(YAML_TEXT)).toEqual({
      port: { type: 'int', default: 80 },
      ratio: { type: 'float', default: 0.5 },
      name: { type: 'string', default: null },
      debug: { type: 'boolean', default: false },
    });
    expect(parseConfigSchema('options:\n  x: {}\n')).toEqual({ x: { type: 'string', default: null } });
    expect(parseConfigSchema('')).toEqual({});
  });

  it('names file and option on bad input', () => {
    expect(() => parseConfigSchema('options:\n  p: { type: number }\n', 'x/config.yaml')).toThrow(
      'invalid charm file: x/config.yaml (options.p.type): must be one of string, int, float, boolean, secret; got "number"',
    );
    expect(() => parseConfigSchema('options:\n  p: { type: int, default: "8" }\n')).toThrow(
      /\(options\.p\.default\): expected an int, got "8"/,
    );
    expect(() => parseConfigSchema('options: [1]\n')).toThrow(ConfigSchemaError);
    expect(() => parseConfigSchema('options:\n  p: {\n')).toThrow(ConfigSchemaError);
  });
});

describe('validateConfigValues', () => {
  const schema = parseConfigSchema(YAML_TEXT);

  it('accepts typed values and fills declared defaults', () => {
    expect(validateConfigValues(schema, { port: 8080, ratio: 1, name: null })).toEqual({
      port: 8080,
      ratio: 1,
      name: null,
      debug: false,
    });
  });

  it.each([
    [{ port: '80' }, 'invalid config value: port: expected an int, got "80" (config.yaml declares type int)'],
    [{ port: 1.5 }, 'invalid config value: port: expected an int, got 1.5'],
    [{ debug: 'yes' }, 'invalid config value: debug: expected a boolean, got "yes"'],
    [{ ratio: 'x' }, 'invalid config value: ratio: expected a float'],
    [{ name: 3 }, 'invalid config value: name: expected a string, got 3'],
    [{ nope: 1 }, 'invalid config value: nope: option not declared in config.yaml'],
  ])('rejects %j', (raw, message) => {
    let err: unknown;
    try {
      validateConfigValues(schema, raw);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigValueError);
    expect((err as Error).message).toContain(message);
  });
});

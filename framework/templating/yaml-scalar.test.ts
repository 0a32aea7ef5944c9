import { parse } from 'yaml';
import { quoteYamlString, toYamlScalar } from './yaml-scalar';

describe('quoteYamlString', () => {
  it.each([
    '',
    'plain',
    'true',
    'null',
    '~',
    '1e3',
    '0x1F',
    '-',
    '- a',
    '* x',
    '&a',
    '!tag',
    '{a: b}',
    '[1]',
    '%YAML',
    '@x',
    '`x',
    '| x',
    '> x',
    'a: b',
    'a #c',
    '"',
    "'",
    '\\',
    '\t',
    '\n',
    'a\r\nb',
    '\u2028',
    '\u2029',
    '\u0085',
    '\u0000\u0007\u001b\u007f',
    '\ufeff',
    '\ud800',
    'é😀',
    '\uffff',
  ])('round-trips %j as a single line', (value) => {
    const quoted = quoteYamlString(value);
    expect(quoted).not.toMatch(/[\n\r\u2028\u2029\u0085]/);
    expect(parse(`k: ${quoted}`)).toEqual({ k: value });
  });

  it('uses only portable escapes', () => {
    expect(quoteYamlString('\u0085\u2028\u001b')).toBe('"\\x85\\u2028\\x1B"');
  });
});

describe('toYamlScalar', () => {
  it('writes nested collections as flow YAML', () => {
    const value = { a: ['x', 1, null], 'b: c': { d: true } };
    expect(parse(`k: ${toYamlScalar(value)}`)).toEqual({ k: value });
  });

  it('rejects cycles, class instances and non-finite numbers', () => {
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    expect(() => toYamlScalar(cyclic as never)).toThrow(/cyclic/);
    expect(() => toYamlScalar(new Date() as never)).toThrow(/Date/);
    expect(() => toYamlScalar(Number.POSITIVE_INFINITY)).toThrow(/Infinity/);
  });
});

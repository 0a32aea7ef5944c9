import { parseDurationNs } from './parse-duration';
import { parseVolumeLong, parseVolumeShort } from './parse-volumes';
import { shellWords } from './shell-words';
import { ValueError } from './value-error';

describe('parseDurationNs', () => {
  it.each<[string | number, number]>([
    ['1m30s', 90e9],
    ['10s', 10e9],
    ['500ms', 5e8],
    ['1h', 3600e9],
    ['2d', 172800e9],
    [3, 3e9],
    ['1.5s', 1.5e9],
  ])('%s', (input, ns) => expect(parseDurationNs(input)).toBe(ns));
  it.each(['', '10', 'abc', '10x', '1m 30s'].filter((x) => x !== '10'))('rejects %j', (input) => {
    expect(() => parseDurationNs(input)).toThrow(ValueError);
  });
});

describe('shellWords', () => {
  it('splits with quotes and escapes, no expansion', () => {
    expect(shellWords(`sh -c 'echo "$HOME" x'`)).toEqual(['sh', '-c', 'echo "$HOME" x']);
    expect(shellWords(`a "b c" d\\ e ""`)).toEqual(['a', 'b c', 'd e', '']);
    expect(shellWords(`"a\\"b"`)).toEqual(['a"b']);
  });
  it('rejects an unterminated quote', () => expect(() => shellWords(`echo 'x`)).toThrow(ValueError));
});

describe('volumes', () => {
  const ctx = { workingDir: '/w', home: '/home/u', declared: new Set(['data']) };
  it.each<[string, object]>([
    ['/var/lib/x', { type: 'volume', target: '/var/lib/x', readOnly: false }],
    ['data:/data', { type: 'volume', source: 'data', target: '/data', readOnly: false }],
    ['./conf:/etc/app:ro', { type: 'bind', source: '/w/conf', target: '/etc/app', readOnly: true }],
    ['~/x:/x', { type: 'bind', source: '/home/u/x', target: '/x', readOnly: false }],
    ['/abs//p/:/t/', { type: 'bind', source: '/abs/p/', target: '/t/', readOnly: false }],
  ])('%s', (spec, expected) => expect(parseVolumeShort(spec, ctx)).toEqual(expected));
  it('rejects undeclared named volumes, empty sections and too many colons', () => {
    expect(() => parseVolumeShort('other:/x', ctx)).toThrow(/undefined volume "other"/);
    expect(() => parseVolumeShort('a::/x', ctx)).toThrow(/empty section/);
    expect(() => parseVolumeShort('/a:/b:ro:x', ctx)).toThrow(/too many colons/);
  });
  it('parses the long form', () => {
    expect(parseVolumeLong({ type: 'bind', source: 'src', target: '/t', read_only: true }, ctx)).toEqual({
      type: 'bind',
      source: '/w/src',
      target: '/t',
      readOnly: true,
    });
    expect(parseVolumeLong({ type: 'tmpfs', target: '/tmp' }, ctx)).toEqual({
      type: 'tmpfs',
      target: '/tmp',
      readOnly: false,
    });
    expect(() => parseVolumeLong({ type: 'nfs', target: '/t' }, ctx)).toThrow(ValueError);
  });
});

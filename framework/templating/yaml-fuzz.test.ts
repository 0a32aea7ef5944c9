/**
 * Fuzz: values full of YAML metacharacters, interpolated into a compose-shaped template, must
 * leave the document's shape alone and come back unchanged.
 */
import fc from 'fast-check';
import { parse } from 'yaml';
import { renderString } from './render-string';

const TEMPLATE = `version: "2"
services:
  vote:
    image: {{image}}
    init: true
    ports:
      - {{concat port ":80"}}
    environment:
      REDIS_HOST: {{host}}
{{#if password}}
      REDIS_PASSWORD: {{password}}
{{/if}}
  worker:
    image: {{image}}
    command: [{{host}}, {{password}}]
    labels: {a: {{host}}, b: {{image}} }
`;

const META = [
  '"',
  "'",
  ':',
  ': ',
  '#',
  ' #',
  '\n',
  '\r',
  '\t',
  '-',
  '- ',
  '*',
  '&',
  '!',
  '{',
  '}',
  '[',
  ']',
  ',',
  '%',
  '@',
  '`',
  '|',
  '>',
  '?',
  '\\',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u0000',
  '\ufeff',
  '\ud800',
  'true',
  'null',
  '~',
  '0x10',
  '1e3',
  'services:',
  '\n  evil:\n    image: x',
  '---',
  '...',
];

const value = fc
  .array(fc.oneof(fc.constantFrom(...META), fc.string({ unit: 'binary', maxLength: 4 }), fc.string({ maxLength: 6 })), {
    maxLength: 8,
  })
  .map((parts) => parts.join(''));

describe('yaml-safe values (fuzz)', () => {
  it('never add keys, services or lines and always round-trip', () => {
    fc.assert(
      fc.property(value, value, value, fc.integer({ min: 1, max: 65535 }), (image, host, password, port) => {
        const text = renderString(TEMPLATE, { image, host, password, port });
        const doc = parse(text) as Record<string, unknown>;
        const environment: Record<string, unknown> = { REDIS_HOST: host };
        if (password !== '') environment.REDIS_PASSWORD = password;
        expect(doc).toEqual({
          version: '2',
          services: {
            vote: { image, init: true, ports: [`${port}:80`], environment },
            worker: { image, command: [host, password], labels: { a: host, b: image } },
          },
        });
        expect(text.split('\n')).toHaveLength(TEMPLATE.split('\n').length - (password === '' ? 3 : 2));
      }),
      { numRuns: 1500 },
    );
  });
});

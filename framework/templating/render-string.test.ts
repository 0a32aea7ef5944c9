import { parse } from 'yaml';
import { TemplateKeyError, TemplateSyntaxError, TemplateValueError } from './errors';
import { renderString } from './render-string';

describe('renderString strict mode', () => {
  it('names the missing key, template and line', () => {
    const run = () => renderString('a: 1\nb: {{missing}}\n', {}, { name: 'x.yml' });
    expect(run).toThrow(TemplateKeyError);
    try {
      run();
    } catch (e) {
      const err = e as TemplateKeyError;
      expect(err.key).toBe('missing');
      expect(err.template).toBe('x.yml');
      expect(err.line).toBe(2);
      expect(err.code).toBe('TEMPLATE_KEY');
      expect(err.message).toContain('missing');
    }
  });

  it('names the full dotted path of a missing nested key', () => {
    expect.assertions(2);
    try {
      renderString('\n\nk: {{db.user}}', { db: {} });
    } catch (e) {
      expect((e as TemplateKeyError).key).toBe('db.user');
      expect((e as TemplateKeyError).line).toBe(3);
    }
  });

  it('fails on a missing key used in a block condition or a helper argument', () => {
    expect(() => renderString('{{#if nope}}x: 1{{/if}}', {})).toThrow(TemplateKeyError);
    expect(() => renderString('x: {{join nope ","}}', {})).toThrow(TemplateKeyError);
  });

  it('accepts keys present with null and treats them as false', () => {
    expect(renderString('{{#if a}}a: {{a}}{{else}}b: 1{{/if}}', { a: null })).toBe('b: 1');
  });

  it('checks keys inside each blocks against each item', () => {
    expect(renderString('{{#each l}}- {{name}}\n{{/each}}', { l: [{ name: 'a' }, { name: 'b' }] })).toBe(
      '- "a"\n- "b"\n',
    );
    expect(() => renderString('{{#each l}}- {{name}}\n{{/each}}', { l: [{}] })).toThrow(TemplateKeyError);
  });
});

describe('renderString yaml values', () => {
  it('quotes strings and writes numbers, booleans and null plainly', () => {
    const out = renderString('s: {{s}}\nn: {{n}}\nb: {{b}}\nz: {{z}}\nl: {{l}}\n', {
      s: 'true',
      n: 5000,
      b: false,
      z: null,
      l: ['a', 1],
    });
    expect(out).toBe('s: "true"\nn: 5000\nb: false\nz: null\nl: ["a", 1]\n');
    expect(parse(out)).toEqual({ s: 'true', n: 5000, b: false, z: null, l: ['a', 1] });
  });

  it('keeps a hostile value inside its own key', () => {
    const evil = 'x"\nevil: 1\n  - y: {z}\u2028# c';
    const out = renderString('a: {{v}}\nb: 2\n', { v: evil });
    expect(parse(out)).toEqual({ a: evil, b: 2 });
  });

  it('quotes helper results', () => {
    const out = renderString('p: {{concat port ":80"}}\nh: {{join hosts ","}}\nd: {{default x "fb"}}\n', {
      port: 5000,
      hosts: ['a', 'b'],
      x: '',
    });
    expect(parse(out)).toEqual({ p: '5000:80', h: 'a,b', d: 'fb' });
  });

  it('supports eq, ne, and, or, not in conditions', () => {
    const t =
      '{{#if (eq a "x")}}e{{/if}}{{#if (ne a "x")}}n{{/if}}{{#if (and a b)}}&{{/if}}{{#if (or c b)}}|{{/if}}{{#if (not c)}}!{{/if}}';
    expect(renderString(t, { a: 'x', b: 'y', c: '' }, { format: 'text' })).toBe('e&|!');
  });

  it('refuses values that cannot be written faithfully', () => {
    expect(() => renderString('a: {{n}}', { n: Number.NaN })).toThrow(TemplateValueError);
    expect(() => renderString('a: {{join l}}', { l: 'notalist' })).toThrow(TemplateValueError);
  });
});

describe('renderString yaml placement', () => {
  it.each([
    ['a: "{{v}}"', 'inside quotes'],
    ["a: '{{v}}'", 'inside quotes'],
    ['a: "x {{v}} y"', 'inside quotes'],
    ['a: x{{v}}', 'follows'],
    ['a: {{v}}x', 'followed by'],
    ['a: {{v}}{{v}}', 'followed by'],
    ['a: {{{v}}}', 'raw output'],
    ['a: {{~v}}', 'whitespace control'],
  ])('refuses %s', (template, reason) => {
    expect(() => renderString(template, { v: 'x' })).toThrow(TemplateSyntaxError);
    expect(() => renderString(template, { v: 'x' })).toThrow(reason);
  });

  it.each([
    ['a: {{v}}', { a: 'x' }],
    ['- {{v}}', ['x']],
    ['a: [{{v}}, {{v}}]', { a: ['x', 'x'] }],
    ['a: {k: {{v}} }', { a: { k: 'x' } }],
    ['a: {{#if v}}{{v}}{{else}}{{v}}{{/if}}', { a: 'x' }],
    ['a: {{#if v}}{{v}}{{/if}}', { a: 'x' }],
    ['a: {{v}} # note', { a: 'x' }],
    ['# "{{v}}"\na: 1', { a: 1 }],
  ])('accepts %s', (template, expected) => {
    expect(parse(renderString(template, { v: 'x' }))).toEqual(expected);
  });

  it('leaves text format values unescaped', () => {
    expect(renderString('server {{host}}:{{port}};', { host: 'a"b', port: 80 }, { format: 'text' })).toBe(
      'server a"b:80;',
    );
  });

  it('reports parse errors as TemplateSyntaxError with a line', () => {
    expect.assertions(2);
    try {
      renderString('a: 1\n{{#if x}}\n', { x: 1 }, { name: 't' });
    } catch (e) {
      expect(e).toBeInstanceOf(TemplateSyntaxError);
      expect((e as TemplateSyntaxError).template).toBe('t');
    }
  });

  it('reports an unknown helper', () => {
    expect(() => renderString('a: {{frob x}}', { x: 1 })).toThrow(/unknown helper: frob/);
  });
});

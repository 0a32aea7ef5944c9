import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TemplateKeyError, TemplateNotFoundError } from './errors';
import { render } from './render';

let dir: string;
let templates: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxcharm-templating-'));
  templates = path.join(dir, 'templates');
  fs.mkdirSync(templates);
  fs.writeFileSync(path.join(templates, 'app.yml'), 'image: {{image}}\nport: {{port}}\n');
});

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('render', () => {
  it('writes the rendered file with mode 0600, creating parent directories', () => {
    const target = path.join(dir, 'files', 'app', 'app.yml');
    const result = render({
      source: 'app.yml',
      target,
      context: { image: 'redis', port: 6379 },
      templatesDir: templates,
    });
    expect(result).toEqual({ changed: true, path: target });
    expect(fs.readFileSync(target, 'utf8')).toBe('image: "redis"\nport: 6379\n');
    expect(fs.statSync(target).mode & 0o777).toBe(0o600);
  });

  it('honours an explicit mode', () => {
    const target = path.join(dir, 'app.yml');
    render({ source: 'app.yml', target, context: { image: 'a', port: 1 }, templatesDir: templates, mode: 0o640 });
    expect(fs.statSync(target).mode & 0o777).toBe(0o640);
  });

  it('reports unchanged content and leaves the file untouched', () => {
    const target = path.join(dir, 'app.yml');
    const context = { image: 'a', port: 1 };
    render({ source: 'app.yml', target, context, templatesDir: templates });
    const old = new Date('2001-01-01T00:00:00Z');
    fs.utimesSync(target, old, old);
    const inode = fs.statSync(target).ino;
    expect(render({ source: 'app.yml', target, context, templatesDir: templates }).changed).toBe(false);
    expect(fs.statSync(target).mtime.getTime()).toBe(old.getTime());
    expect(fs.statSync(target).ino).toBe(inode);
    expect(
      render({ source: 'app.yml', target, context: { ...context, port: 2 }, templatesDir: templates }).changed,
    ).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toContain('port: 2');
  });

  it('leaves the previous file and no temp files behind when rendering fails', () => {
    const target = path.join(dir, 'app.yml');
    render({ source: 'app.yml', target, context: { image: 'a', port: 1 }, templatesDir: templates });
    expect(() => render({ source: 'app.yml', target, context: { image: 'b' }, templatesDir: templates })).toThrow(
      TemplateKeyError,
    );
    expect(fs.readFileSync(target, 'utf8')).toContain('"a"');
    expect(fs.readdirSync(dir).sort()).toEqual(['app.yml', 'templates']);
  });

  it('fails clearly on a missing template or one outside the templates directory', () => {
    const target = path.join(dir, 'x');
    expect(() => render({ source: 'nope.yml', target, context: {}, templatesDir: templates })).toThrow(
      TemplateNotFoundError,
    );
    expect(() => render({ source: '../escape.yml', target, context: {}, templatesDir: templates })).toThrow(
      /relative to the templates directory/,
    );
    expect(fs.existsSync(target)).toBe(false);
  });

  it('names the template file in key errors', () => {
    expect.assertions(2);
    try {
      render({ source: 'app.yml', target: path.join(dir, 'o'), context: { image: 'a' }, templatesDir: templates });
    } catch (e) {
      expect((e as TemplateKeyError).template).toBe('app.yml');
      expect((e as TemplateKeyError).line).toBe(2);
    }
  });
});

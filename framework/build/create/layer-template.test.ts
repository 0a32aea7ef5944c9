import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { layerTemplateFiles, templateNames } from './layer-template';

describe('layer template', () => {
  it('derives class and identifier names from a dashed name', () => {
    expect(templateNames('my-web-app')).toEqual({ name: 'my-web-app', className: 'MyWebApp', camelName: 'myWebApp' });
  });

  it('writes a layer including layer:basic with a handler, a library and its test', () => {
    const files = layerTemplateFiles(templateNames('my-app'));
    expect(Object.keys(files).sort()).toEqual([
      'README.md',
      'config.yaml',
      'layer.yaml',
      'lib/index.ts',
      'lib/ready-message.test.ts',
      'lib/ready-message.ts',
      'metadata.yaml',
      'reactive/my-app.ts',
    ]);
    expect(files['layer.yaml']).toContain('- layer:basic');
    expect(files['reactive/my-app.ts']).toContain("@whenNot('my-app.installed')");
    expect(files['reactive/my-app.ts']).toContain('export class MyAppCharm extends Charm');
  });

  it('writes docs/examples/hello, file for file, for the name hello (the guides quote that layer)', () => {
    const example = join(__dirname, '..', '..', '..', 'docs', 'examples', 'hello');
    for (const [path, text] of Object.entries(layerTemplateFiles(templateNames('hello')))) {
      expect([path, readFileSync(join(example, path), 'utf8')]).toEqual([path, text]);
    }
  });
});

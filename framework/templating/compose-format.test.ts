import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseCompose } from '../docker';
import { render } from './render';
import { renderString } from './render-string';

const TEMPLATE = 'services:\n  app:\n    image: busybox\n    environment:\n      VALUE: {{value}}\n';

function readBack(text: string): unknown {
  return parseCompose(text, { file: '/srv/docker-compose.yml', env: { HOME: '/root', VALUE: 'from-env' } }).services.app
    ?.environment?.VALUE;
}

describe("format 'compose'", () => {
  it.each(['${HOME}', '$HOME', 'pa$$word', '$', '${VALUE:?boom}', 'a$b$$c$$$'])(
    '%j reaches compose unchanged',
    (value) => {
      const text = renderString(TEMPLATE, { value }, { format: 'compose' });
      expect(readBack(text)).toBe(value);
      // The plain YAML format is right for YAML but lets compose interpolate the value.
      expect(readBack(renderString(TEMPLATE, { value: 'x$$y' }, { format: 'yaml' }))).toBe('x$y');
    },
  );

  it('round-trips any string through compose interpolation', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (value) => {
        expect(readBack(renderString(TEMPLATE, { value }, { format: 'compose' }))).toBe(value);
      }),
      { numRuns: 200 },
    );
  });

  it('is the default of render() for compose file names only', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxcharm-templating-compose-'));
    try {
      fs.writeFileSync(path.join(dir, 't.yml'), TEMPLATE);
      for (const name of ['docker-compose.yml', 'docker-compose.yaml', 'compose.yaml', 'compose.override.yml']) {
        render({ source: 't.yml', target: path.join(dir, 'out', name), context: { value: '$X' }, templatesDir: dir });
        expect(fs.readFileSync(path.join(dir, 'out', name), 'utf8')).toContain('VALUE: "$$X"');
      }
      render({
        source: 't.yml',
        target: path.join(dir, 'out', 'app.yml'),
        context: { value: '$X' },
        templatesDir: dir,
      });
      expect(fs.readFileSync(path.join(dir, 'out', 'app.yml'), 'utf8')).toContain('VALUE: "$X"');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

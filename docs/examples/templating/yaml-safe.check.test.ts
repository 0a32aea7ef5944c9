/**
 * Checks the "Writing YAML templates" claim of docs/templating.md: the page's template, rendered
 * with the values the page names, gives exactly the page's output (the blocks are read from the page).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { renderString } from 'rxcharm';

const page = readFileSync(join(__dirname, '..', '..', 'templating.md'), 'utf8');
const section = page.slice(page.indexOf('## Writing YAML templates'));
const [template, output] = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] as string);

it('renders the page template to the page output, values quoted and unable to add keys', () => {
  const context = { images: { vote: 'rxcharm/vote:latest' }, vote_port: 5000, redis: { host: 'cache:1 # x', password: 'line one\nline two' } };
  const rendered = renderString(template as string, context, { name: 'docker-compose.yml' });
  expect(rendered).toBe(output);
  expect(parse(rendered)).toEqual({
    services: { vote: { image: 'rxcharm/vote:latest', ports: ['5000:80'], environment: { REDIS_HOST: 'cache:1 # x', REDIS_PASSWORD: 'line one\nline two' } } },
  });
});

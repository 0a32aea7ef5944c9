import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderString } from 'rxcharm';
import { haproxyContext } from './haproxy-config';

const template = readFileSync(join(__dirname, '..', 'templates', 'haproxy.cfg'), 'utf8');
const renderConfig = (input: Parameters<typeof haproxyContext>[0]): string =>
  renderString(template, haproxyContext(input), { name: 'haproxy.cfg', format: 'text' });

describe('haproxy.cfg', () => {
  it('listens on the configured port and checks one server per backend', () => {
    const text = renderConfig({
      port: 8080,
      checkInterval: 3,
      backends: [
        { unit: 'voting-app/0', name: 'voting-app-0', host: '10.0.0.2', port: 5000 },
        { unit: 'voting-app/1', name: 'voting-app-1', host: 'fd00::3', port: 5000 },
      ],
    });
    expect(text).toContain('\n  bind :8080\n');
    expect(text).toContain('default-server init-addr last,libc,none check inter 3s fall 2 rise 2');
    expect(text.split('\n').filter((l) => l.trimStart().startsWith('server '))).toEqual([
      '  server voting-app-0 10.0.0.2:5000',
      '  server voting-app-1 [fd00::3]:5000',
    ]);
  });

  it('with no backend, keeps a valid backend section that answers 503', () => {
    const text = renderConfig({ port: 80, checkInterval: 2, backends: [] });
    expect(text).toContain('backend backends\n  balance roundrobin\n  option httpchk GET /\n  # no backend');
    expect(text).not.toMatch(/^\s*server /m);
  });

  it('is stable: the same input renders the same text', () => {
    const input = { port: 80, checkInterval: 2, backends: [{ unit: 'a/0', name: 'a-0', host: 'h', port: 1 }] };
    expect(renderConfig(input)).toBe(renderConfig(input));
  });
});

// The proxy charm's HAProxy against real containers: the configuration the charm renders (its
// templates and pure cores, as the charm calls them), the rxcharm/haproxy image, busybox web
// backends reached through their published host ports on the bridge gateway (as units are under
// the local agent). Asserts balancing, re-rendering as backends come and go, a reload that drops
// no established or concurrent request, and a dead backend taken out by the health check.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { defaultUnitAddress } from '../../../framework/agent';
import { renderString } from '../../../framework/templating';
import { selectBackends } from '../../../charms/proxy/src/backends';
import { haproxyContext } from '../../../charms/proxy/src/haproxy-config';
import { fetchBackendHealth } from '../../../charms/proxy/src/haproxy-stats';
import { ensureBusyboxImage, ensureProjectImage, TestComposeProject } from '../../support';

const CHARM = join(__dirname, '..', '..', '..', 'charms', 'proxy');
const template = (name: string): string => readFileSync(join(CHARM, 'templates', name), 'utf8');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** GET on 127.0.0.1:port; the status and body, or the error's code. */
function get(port: number, path = '/'): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false, timeout: 20000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: body.trim() }));
      res.on('error', (e) => resolve({ error: e.message }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    req.end();
  });
}

async function eventually<T>(what: string, probe: () => Promise<T | undefined>, tries = 100): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

// The address units have under the local agent (docker0's): reachable from every container.
const gateway = defaultUnitAddress();

describe('proxy charm HAProxy on real containers', () => {
  const backends = new TestComposeProject({ prefix: 'rxt-web' });
  const proxy = new TestComposeProject({ prefix: 'rxt-proxy' });
  const webPorts: Record<string, number> = {};
  let port = 0;
  let statsPort = 0;

  /** Renders haproxy.cfg for the named backends, as the charm does, and returns whether it changed. */
  function renderConfig(names: string[]): boolean {
    const { backends: selected } = selectBackends([
      {
        serviceName: 'web',
        hosts: names.map((n) => ({ unit: `web/${n.slice(3)}`, hostname: gateway, port: webPorts[n] as number })),
      },
    ]);
    const dir = join(proxy.dir, 'haproxy');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'haproxy.cfg');
    const text = renderString(template('haproxy.cfg'), haproxyContext({ port, checkInterval: 1, backends: selected }), {
      format: 'text',
    });
    let before = '';
    try {
      before = readFileSync(file, 'utf8');
    } catch {
      // first render
    }
    // Write temp + rename, as the charm's render does: the container sees it through the directory.
    writeFileSync(`${file}.tmp`, text);
    renameSync(`${file}.tmp`, file);
    return text !== before;
  }

  async function served(n: number): Promise<string[]> {
    const bodies: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = await get(port);
      bodies.push('body' in r && r.status === 200 ? r.body : `failed: ${JSON.stringify(r)}`);
    }
    return bodies;
  }

  beforeAll(async () => {
    const busybox = ensureBusyboxImage();
    const haproxy = ensureProjectImage('haproxy');
    for (const name of ['web1', 'web2', 'web3']) webPorts[name] = await freePort();
    port = await freePort();
    statsPort = await freePort();
    const web = (name: string): string =>
      [
        `  ${name}:`,
        `    image: ${busybox}`,
        '    init: true',
        `    ports: ["${webPorts[name]}:80"]`,
        '    command:',
        '      - sh',
        '      - -c',
        `      - ${JSON.stringify(
          [
            'mkdir -p /www/cgi-bin',
            `echo ${name} > /www/index.html`,
            `printf '%s\\n' '#!/bin/sh' 'sleep 3' 'echo Content-Type: text/plain' 'echo' 'echo slow ${name}' > /www/cgi-bin/slow`,
            'chmod +x /www/cgi-bin/slow',
            'exec httpd -f -p 80 -h /www',
          ].join(' && '),
        )}`,
      ].join('\n');
    backends.write(`services:\n${['web1', 'web2', 'web3'].map(web).join('\n')}\n`);
    await backends.compose().up();
    renderConfig(['web1', 'web2']);
    proxy.write(
      renderString(
        template('docker-compose.yml'),
        { image: haproxy, port, statsPort, configDir: join(proxy.dir, 'haproxy') },
        { format: 'compose' },
      ),
    );
    await proxy.compose().up();
    await eventually('the proxy to answer', async () => {
      const r = await get(port);
      return 'status' in r && r.status === 200 ? r : undefined;
    });
  });

  afterAll(() => {
    proxy.dispose();
    backends.dispose();
  });

  it('balances over every backend', async () => {
    expect(new Set(await served(8))).toEqual(new Set(['web1', 'web2']));
    expect(await fetchBackendHealth(statsPort)).toEqual({ up: 2, total: 2 });
  });

  it('reloads a re-rendered configuration without dropping an in-flight or a concurrent request', async () => {
    const slow = get(port, '/cgi-bin/slow');
    await new Promise((r) => setTimeout(r, 500)); // the slow request is in the old worker now
    const during: Array<Promise<Awaited<ReturnType<typeof get>>>> = [];
    const load = setInterval(() => during.push(get(port)), 20);
    try {
      expect(renderConfig(['web2', 'web3'])).toBe(true);
      await proxy.compose().kill('haproxy', 'SIGUSR2');
      await new Promise((r) => setTimeout(r, 1000));
    } finally {
      clearInterval(load);
    }
    expect(await slow).toEqual({ status: 200, body: expect.stringMatching(/^slow web[12]$/) });
    const results = await Promise.all(during);
    expect(results.length).toBeGreaterThan(10);
    expect(results.filter((r) => !('status' in r) || r.status !== 200)).toEqual([]);
    // The container was not recreated, and the new backends are the ones served.
    expect(
      await eventually('the new configuration', async () => {
        const bodies = new Set(await served(6));
        return bodies.has('web1') ? undefined : bodies;
      }),
    ).toEqual(new Set(['web2', 'web3']));
  });

  it('a health check takes a dead backend out; requests keep succeeding', async () => {
    execFileSync('docker', ['stop', '-t', '1', `${backends.project}_web3_1`], { stdio: 'ignore' });
    await eventually('HAProxy to mark web3 down', async () => {
      const health = await fetchBackendHealth(statsPort);
      return health?.up === 1 ? health : undefined;
    });
    expect(new Set(await served(6))).toEqual(new Set(['web2']));
  });
});

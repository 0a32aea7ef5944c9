import { request } from 'node:http';
import { DockerodeClient, type ComposeEvent } from '../../../framework/docker';
import { ensureBusyboxImage, TestComposeProject } from '../../support';
import { planKinds } from '../../support/plan-kinds';

const kinds = planKinds;

function httpGet(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/', timeout: 5000 }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.end();
  });
}

jest.setTimeout(120_000);

describe('Compose.up on a real daemon', () => {
  let image: string;
  beforeAll(() => {
    image = ensureBusyboxImage();
  });

  const file = (env: string, extra = '') => `
services:
  db:
    image: ${image}
    command: sleep 1d
    init: true
    labels: {rxcharm.test: "yes"}
  web:
    image: ${image}
    command: sleep 1d
    init: true
    environment:
${env}
    depends_on: [db]
${extra}`;

  it('cold up, no-op up with zero writes, env reorder, one change, orphan, scale', async () => {
    await using p = new TestComposeProject();
    p.write(file('      - A=1\n      - B=2'));
    const compose = p.compose();

    // Cold up
    expect(kinds(await compose.up())).toEqual(['create-network', 'create db#1', 'create web#1']);
    const ps = await compose.ps();
    expect(ps.map((c) => [c.name, c.state])).toEqual([
      [`${p.project}_db_1`, 'running'],
      [`${p.project}_web_1`, 'running'],
    ]);
    const labels = (await new DockerodeClient().inspectContainer(`${p.project}_web_1`))!.labels;
    expect(labels).toMatchObject({
      'com.docker.compose.project': p.project,
      'com.docker.compose.service': 'web',
      'com.docker.compose.container-number': '1',
      'com.docker.compose.oneoff': 'False',
      'com.docker.compose.version': '1.29.2',
      'com.docker.compose.project.working_dir': p.dir,
      'com.docker.compose.project.config_files': p.file,
      'rxcharm.managed-by': 'rxcharm',
      'rxcharm.test': p.project,
    });
    expect((await p.counting.client.inspectNetwork(`${p.project}_default`))!.labels).toMatchObject({
      'com.docker.compose.network': 'default',
      'com.docker.compose.project': p.project,
      'rxcharm.test': p.project,
    });
    expect(labels['com.docker.compose.config-hash']).toMatch(/^[0-9a-f]{64}$/);

    // No-op up: zero API writes
    p.counting.reset();
    expect(kinds(await compose.up())).toEqual(['leave db#1', 'leave web#1']);
    expect(p.counting.writes).toEqual([]);

    // Env reorder (and list → map form): no recreate, no writes
    p.write(file('      B: "2"\n      A: "1"'));
    p.counting.reset();
    expect(kinds(await compose.up())).toEqual(['leave db#1', 'leave web#1']);
    expect(p.counting.writes).toEqual([]);

    // One service changed: only it is recreated
    const dbId = ps[0].id;
    p.write(file('      A: "1"\n      B: "3"'));
    const changed = await compose.up();
    expect(kinds(changed)).toEqual(['leave db#1', 'recreate web#1']);
    expect(changed[1].reason).toMatch(/^config changed/);
    const after = await compose.ps();
    expect(after.find((c) => c.service === 'db')!.id).toBe(dbId);
    expect(after.find((c) => c.service === 'web')!.id).not.toBe(ps[1].id);

    // Scale up, then down
    expect(kinds(await compose.scale('web', 3))).toEqual([
      'leave db#1',
      'leave web#1',
      'scale-up web#2',
      'scale-up web#3',
    ]);
    expect((await compose.ps()).filter((c) => c.service === 'web').map((c) => c.number)).toEqual([1, 2, 3]);
    expect(kinds(await compose.scale('web', 1))).toEqual([
      'leave db#1',
      'leave web#1',
      'scale-down web#2',
      'scale-down web#3',
    ]);
    expect((await compose.ps()).filter((c) => c.service === 'web').map((c) => c.number)).toEqual([1]);

    // Service removed from the file: orphan removed
    p.write(
      `services:\n  db:\n    image: ${image}\n    command: sleep 1d\n    init: true\n    labels: {rxcharm.test: "yes"}\n`,
    );
    const orphan = await compose.up();
    expect(kinds(orphan)).toEqual(['remove-orphan web#1', 'leave db#1']);
    expect((await compose.ps()).map((c) => c.service)).toEqual(['db']);

    // Stopped container is started again
    await compose.stop();
    expect(kinds(await compose.up())).toEqual(['start db#1']);

    await compose.down();
    expect(await compose.ps()).toEqual([]);
    expect(await p.counting.client.inspectNetwork(`${p.project}_default`)).toBeUndefined();
  });

  it('keeps anonymous volume data across a recreate, and named volumes; down -v removes them', async () => {
    await using p = new TestComposeProject();
    const write = (round: number) =>
      p.write(`
services:
  store:
    image: ${image}
    command: sleep 1d
    init: true
    environment: {ROUND: "${round}"}
    volumes: ["/anon", "data:/named"]
volumes:
  data: {}
`);
    write(1);
    const compose = p.compose();
    expect(kinds(await compose.up())).toEqual(['create-network', 'create-volume', 'create store#1']);
    const first = (await compose.ps())[0];
    await p.counting.client.exec(first.id, ['sh', '-c', 'echo kept > /anon/f && echo named > /named/f']);
    write(2);
    expect(kinds(await compose.up())).toEqual(['recreate store#1']);
    const second = (await compose.ps())[0];
    expect(second.id).not.toBe(first.id);
    const read = await p.counting.client.exec(second.id, ['cat', '/anon/f', '/named/f']);
    expect(read.output.split('\n').filter(Boolean)).toEqual(['kept', 'named']);

    // A container removed for good (scale-down, orphan) takes its anonymous volume, not the named one.
    const client = p.counting.client;
    const anonymousOf = async (name: string) =>
      (await client.inspectContainer(name))!.mounts.find((m) => m.target === '/anon')!.name!;
    await compose.scale('store', 2);
    const scaledAway = await anonymousOf(`${p.project}_store_2`);
    expect(await client.inspectVolume(scaledAway)).toBeDefined();
    expect(kinds(await compose.scale('store', 1))).toEqual(['leave store#1', 'scale-down store#2']);
    expect(await client.inspectVolume(scaledAway)).toBeUndefined();
    const orphaned = await anonymousOf(`${p.project}_store_1`);
    p.write(
      `services:\n  other:\n    image: ${image}\n    command: sleep 1d\n    init: true\n    volumes: ["data:/named"]\nvolumes:\n  data: {}\n`,
    );
    expect(kinds(await compose.up())).toEqual(['remove-orphan store#1', 'create other#1']);
    expect(await client.inspectVolume(orphaned)).toBeUndefined();
    expect(await client.inspectVolume(`${p.project}_data`)).toBeDefined();
    await compose.down({ volumes: true });
    expect(await p.counting.client.inspectVolume(`${p.project}_data`)).toBeUndefined();
  });

  it('starts dependencies first and waits for service_healthy', async () => {
    await using p = new TestComposeProject();
    p.write(`
services:
  web:
    image: ${image}
    command: sleep 1d
    init: true
    depends_on:
      db: {condition: service_healthy}
  db:
    image: ${image}
    command: sh -c "sleep 1; touch /tmp/ready; exec sleep 1d"
    init: true
    healthcheck:
      test: ["CMD", "test", "-f", "/tmp/ready"]
      interval: 500ms
      retries: 20
`);
    const events: ComposeEvent[] = [];
    await p.compose({ onEvent: (e) => events.push(e) }).up();
    const at = (resource: string, status: string) =>
      events.findIndex((e) => e.resource === resource && e.status === status);
    expect(at(`Container ${p.project}_db_1`, 'Started')).toBeGreaterThanOrEqual(0);
    expect(at('Container db', 'Healthy')).toBeGreaterThan(at(`Container ${p.project}_db_1`, 'Started'));
    expect(at(`Container ${p.project}_web_1`, 'Creating')).toBeGreaterThan(at('Container db', 'Healthy'));
    const health = await p.counting.client.inspectContainer(`${p.project}_db_1`);
    expect(health!.health).toBe('healthy');
  });

  it('publishes a port reachable on 127.0.0.1 and joins services on the project network', async () => {
    await using p = new TestComposeProject();
    p.write(`
services:
  www:
    image: ${image}
    command: sh -c "echo hello-from-rxcharm > /www/index.html && exec httpd -f -p 80 -h /www"
    init: true
    ports: ["127.0.0.1::80"]
  probe:
    image: ${image}
    command: sleep 1d
    init: true
`);
    const compose = p.compose();
    await compose.up();
    const www = (await compose.ps()).find((c) => c.service === 'www')!;
    const port = www.ports.find((x) => x.containerPort === 80 && x.hostPort !== undefined)!.hostPort!;
    let body = '';
    for (let i = 0; i < 50 && body === ''; i++) {
      body = await httpGet(port).catch(() => '');
      if (body === '') await new Promise((r) => setTimeout(r, 100));
    }
    expect(body.trim()).toBe('hello-from-rxcharm');
    const probe = (await compose.ps()).find((c) => c.service === 'probe')!;
    const viaName = await p.counting.client.exec(probe.id, ['wget', '-q', '-O', '-', 'http://www/']);
    expect(viaName.output.trim()).toBe('hello-from-rxcharm');
  });
});

import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { Compose, DockerodeClient, DockerUnavailableError, ImagePullError } from '../../../framework/docker';
import { ensureBusyboxImage, TestComposeProject } from '../../support';
import { planKinds } from '../../support/plan-kinds';

jest.setTimeout(180_000);

const kinds = planKinds;

function peer(p: TestComposeProject, ...args: string[]): { status: number | null; out: string } {
  const r = spawnSync('docker-compose', ['-p', p.project, '-f', p.file, ...args], { encoding: 'utf8', cwd: p.dir });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('interop with docker-compose v1', () => {
  let image: string;
  beforeAll(() => {
    image = ensureBusyboxImage();
  });
  // Labels in the file so docker-compose's containers carry rxcharm.test too.
  const file = () =>
    `version: "2.1"\nservices:\n  db:\n    image: ${image}\n    command: sleep 1d\n    init: true\n    labels: {rxcharm.test: interop}\n` +
    `  web:\n    image: ${image}\n    command: sleep 1d\n    init: true\n    labels: {rxcharm.test: interop}\n    depends_on: [db]\n`;

  it('docker-compose ps lists our containers and down removes them', async () => {
    await using p = new TestComposeProject();
    p.write(file());
    await p.compose().up();
    const ps = peer(p, 'ps');
    expect(ps.status).toBe(0);
    expect(ps.out).toContain(`${p.project}_db_1`);
    expect(ps.out).toContain(`${p.project}_web_1`);
    expect(ps.out).toMatch(/Up/);
    const logs = peer(p, 'logs', '--no-color');
    expect(logs.status).toBe(0);
    const down = peer(p, 'down');
    expect(down.status).toBe(0);
    expect(await p.compose().ps()).toEqual([]);
    expect(await new DockerodeClient().inspectNetwork(`${p.project}_default`)).toBeUndefined();
  });

  it('sees docker-compose containers, adopts them by recreating once, and v1 still sees the result', async () => {
    await using p = new TestComposeProject();
    p.write(file());
    const up = peer(p, 'up', '-d');
    expect(up.status).toBe(0);
    const compose = p.compose();
    const theirs = await compose.ps();
    expect(theirs.map((c) => c.name)).toEqual([`${p.project}_db_1`, `${p.project}_web_1`]);
    const planned = await compose.plan();
    expect(kinds(planned)).toEqual(['recreate db#1', 'recreate web#1']);
    expect(planned[0].reason).toMatch(/another tool/);
    await compose.up();
    const ours = await compose.ps();
    expect(ours.map((c) => [c.name, c.state])).toEqual([
      [`${p.project}_db_1`, 'running'],
      [`${p.project}_web_1`, 'running'],
    ]);
    expect(ours.map((c) => c.id)).not.toEqual(theirs.map((c) => c.id));
    // Adopted: the next up is a no-op.
    p.counting.reset();
    expect(kinds(await compose.up())).toEqual(['leave db#1', 'leave web#1']);
    expect(p.counting.writes).toEqual([]);
    expect(peer(p, 'ps').out).toContain(`${p.project}_web_1`);
    await compose.down();
    expect(await compose.ps()).toEqual([]);
  });
});

describe('without the compose file', () => {
  it('ps and down work from labels alone when the project name is given', async () => {
    await using p = new TestComposeProject();
    p.write(`services:\n  a: {image: ${ensureBusyboxImage()}, command: sleep 1d, init: true}\n`);
    await p.compose().up();
    rmSync(p.file);
    const compose = p.compose();
    expect((await compose.ps()).map((c) => c.service)).toEqual(['a']);
    await compose.down();
    expect(await compose.ps()).toEqual([]);
    expect(await p.counting.client.inspectNetwork(`${p.project}_default`)).toBeUndefined();
    await expect(compose.up()).rejects.toThrow(/no compose file found/);
  });
});

describe('errors', () => {
  it('an unreachable daemon is a DockerUnavailableError', async () => {
    const client = new DockerodeClient({ host: 'unix:///tmp/rxcharm-no-such-docker.sock' });
    await expect(client.ping()).rejects.toBeInstanceOf(DockerUnavailableError);
    await using p = new TestComposeProject({ docker: client });
    p.write('services:\n  a: {image: busybox}\n');
    await expect(p.compose().up()).rejects.toThrow(
      /Docker daemon unreachable: unix:\/\/\/tmp\/rxcharm-no-such-docker.sock/,
    );
  });

  it('a failed pull rejects with ImagePullError naming the image', async () => {
    await using p = new TestComposeProject();
    p.write('services:\n  a: {image: "rxcharm-test/does-not-exist:never"}\n');
    const error = await p
      .compose()
      .up()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImagePullError);
    expect((error as ImagePullError).image).toBe('rxcharm-test/does-not-exist:never');
    expect(await p.compose().ps()).toEqual([]);
  });

  it('an unknown service is a typed usage error', async () => {
    await using p = new TestComposeProject();
    p.write('services:\n  a: {image: x}\n');
    await expect(new Compose(p.dir, { project: p.project, docker: new DockerodeClient() }).up('nope')).rejects.toThrow(
      /no such service: nope/,
    );
  });
});

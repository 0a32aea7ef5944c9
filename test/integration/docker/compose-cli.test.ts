import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ensureBusyboxImage, TestComposeProject } from '../../support';

jest.setTimeout(120_000);

const CLI = join(__dirname, '..', '..', '..', 'dist', 'rxcharm.js');

function rxcharm(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return rxcharmIn({}, ...args);
}

function rxcharmIn(
  options: { readonly cwd?: string; readonly env?: Record<string, string> },
  ...args: string[]
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('node', [CLI, ...args], {
    encoding: 'utf8',
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('rxcharm compose (built CLI, whole process)', () => {
  it('up, plan, ps, logs, down with docker-compose meanings and exit codes', async () => {
    await using p = new TestComposeProject();
    p.write(
      `services:\n  hello:\n    image: ${ensureBusyboxImage()}\n    command: sh -c "echo hello-log; exec sleep 1d"\n    init: true\n    labels: {rxcharm.test: cli}\n`,
    );
    const base = ['compose', '-f', p.file, '-p', p.project];

    const planned = rxcharm(...base, 'plan', '--json');
    expect(planned.status).toBe(0);
    expect(JSON.parse(planned.stdout).map((a: { kind: string }) => a.kind)).toEqual(['create-network', 'create']);

    const up = rxcharm(...base, 'up');
    expect(up.status).toBe(0);
    expect(up.stderr).toContain(`Container ${p.project}_hello_1  Started`);

    // what docker-compose users type is accepted and changes nothing
    const again = rxcharm(...base, 'up', '-d', '--remove-orphans', '--no-color');
    expect(again.status).toBe(0);
    expect(again.stderr).toContain(`${p.project}_hello_1 is up-to-date`);
    expect(rxcharm(...base, 'plan').stdout).toContain('leave  hello#1');

    const ps = rxcharm(...base, 'ps', '--json');
    expect(JSON.parse(ps.stdout).map((c: { name: string; state: string }) => [c.name, c.state])).toEqual([
      [`${p.project}_hello_1`, 'running'],
    ]);
    let logs = '';
    for (let i = 0; i < 20 && !logs.includes('hello-log'); i++) logs = rxcharm(...base, 'logs').stdout;
    expect(logs).toContain(`${p.project}_hello_1  | hello-log`);

    const down = rxcharm(...base, 'down');
    expect(down.status).toBe(0);
    expect(JSON.parse(rxcharm(...base, 'ps', '--json').stdout)).toEqual([]);
  });

  it('says in up --help that up is always detached and always removes orphans', () => {
    const help = rxcharm('compose', 'up', '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('-d, --detach');
    expect(help.stdout).toContain('--remove-orphans');
    expect(help.stdout).toContain('--no-color');
    expect(help.stdout).toContain('up is always detached');
    expect(help.stdout).toContain('always removes orphans');
  });

  it('reports bad input with exit 2 or 1 and a message naming the problem', async () => {
    await using p = new TestComposeProject();
    p.write('services:\n  web:\n    image: x\n    frobnicate: .\n');
    const unsupported = rxcharm('compose', '-f', p.file, '-p', p.project, 'plan');
    expect(unsupported.status).toBe(2);
    expect(unsupported.stderr).toMatch(/unsupported compose key: key "frobnicate" of service "web"/);
    expect(unsupported.stderr).toContain(`${p.file}:4`);
    p.write('version: "3"\n');
    const noServices = rxcharm('compose', '-f', p.file, '-p', p.project, 'up');
    expect(noServices.status).toBe(2);
    expect(noServices.stderr).toContain('no "services" mapping at the top level');
    p.write('services:\n  web: {image: x, container_name: "${RXCHARM_TEST_UNSET_NAME}"}\n');
    const emptyName = rxcharm('compose', '-f', p.file, '-p', p.project, 'up');
    expect(emptyName.status).toBe(2);
    expect(emptyName.stderr).toContain('container_name of service "web" is empty (after interpolation)');
    p.write('services:\n  web:\n    image: x\n');
    const badProject = rxcharm('compose', '-f', p.file, '-p', 'Bad Name', 'ps');
    expect(badProject.status).toBe(2);
    expect(badProject.stderr).toContain('invalid project name: "Bad Name"');
    expect(rxcharm('compose', '-f', p.file, '-p', p.project, 'scale', 'web').status).toBe(2);
    const dead = rxcharm('compose', '-f', p.file, '-p', p.project, '-H', 'unix:///tmp/rxcharm-dead.sock', 'ps');
    expect(dead.status).toBe(1);
    expect(dead.stderr).toContain('Docker daemon unreachable');
  });

  it('config prints the resolved model in the specification form', async () => {
    await using p = new TestComposeProject();
    writeFileSync(join(p.dir, '.env'), 'WHEREAMI=EnvFile\nIMAGE=default_env:${WHEREAMI}\n');
    p.write('web:\n  image: busybox\n  environment: {IMAGE: "${IMAGE}"}\n  ports: ["8080:80"]\n');
    const out = rxcharm('compose', '-f', p.file, '-p', p.project, 'config');
    expect(out.status).toBe(0);
    expect(out.stderr).toMatch(/version 1 format .* is deprecated/);
    expect(parse(out.stdout)).toEqual({
      name: p.project,
      services: {
        web: {
          environment: { IMAGE: 'default_env:EnvFile' },
          image: 'busybox',
          network_mode: 'bridge',
          ports: [{ mode: 'ingress', target: 80, published: '8080', protocol: 'tcp' }],
          scale: 1,
        },
      },
    });
  });

  it('merges several -f files, or the COMPOSE_FILE list, and takes COMPOSE_PROJECT_NAME from .env', async () => {
    await using p = new TestComposeProject();
    writeFileSync(join(p.dir, 'base.yml'), 'services:\n  web: {image: busybox, environment: [A=1, B=2]}\n');
    writeFileSync(join(p.dir, 'prod.yml'), 'services:\n  web: {environment: {B: "3"}}\n  db: {image: busybox}\n');
    const merged = {
      db: { image: 'busybox', networks: { default: null }, scale: 1 },
      web: { environment: { A: '1', B: '3' }, image: 'busybox', networks: { default: null }, scale: 1 },
    };
    const byFlags = rxcharm(
      'compose',
      '-f',
      join(p.dir, 'base.yml'),
      '-f',
      join(p.dir, 'prod.yml'),
      '-p',
      p.project,
      'config',
      '--json',
    );
    expect(byFlags.status).toBe(0);
    expect(JSON.parse(byFlags.stdout).services).toEqual(merged);
    writeFileSync(join(p.dir, '.env'), `COMPOSE_PROJECT_NAME=${p.project}x\n`);
    const byEnv = rxcharmIn({ cwd: p.dir, env: { COMPOSE_FILE: 'base.yml:prod.yml' } }, 'compose', 'config', '--json');
    expect(byEnv.status).toBe(0);
    expect(JSON.parse(byEnv.stdout)).toMatchObject({ name: `${p.project}x`, services: merged });
  });
});

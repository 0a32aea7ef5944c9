/**
 * Compose files where the engine once produced the wrong containers, or failed late, without
 * saying so (issue 22). Each case runs on the real daemon and, where docker-compose v1 can run
 * the file, compares with the containers v1 makes from the same files.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ComposeExternalResourceError, ComposeFileError, DockerodeClient } from '../../../framework/docker';
import { ensureBusyboxImage, TestComposeProject } from '../../support';
import { planKinds } from '../../support/plan-kinds';

jest.setTimeout(180_000);

const kinds = planKinds;

interface Inspected {
  readonly Id: string;
  readonly Name: string;
  readonly State: { readonly Running: boolean };
  readonly Config: { readonly Env: readonly string[] };
  readonly HostConfig: { readonly NetworkMode: string; readonly Links: readonly string[] | null };
  readonly NetworkSettings: { readonly Networks: Record<string, unknown> };
  readonly Mounts: readonly { readonly Type: string; readonly Name?: string; readonly Destination: string }[];
}

function inspect(name: string): Inspected {
  const r = spawnSync('docker', ['inspect', name], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`docker inspect ${name}: ${r.stderr}`);
  return (JSON.parse(r.stdout) as Inspected[])[0];
}

function containersOf(project: string): string[] {
  const r = spawnSync(
    'docker',
    ['ps', '-a', '--filter', `label=com.docker.compose.project=${project}`, '--format', '{{.Names}}'],
    { encoding: 'utf8' },
  );
  return r.stdout.split('\n').filter(Boolean).sort();
}

/** The same files, run by docker-compose v1 in another project. */
function v1(p: TestComposeProject, ...args: string[]): { status: number | null; out: string } {
  const r = spawnSync('docker-compose', ['-p', p.project, '-f', p.file, ...args], { encoding: 'utf8', cwd: p.dir });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** Writes `files` (name → text) into both workspaces; the compose file is `docker-compose.yml`. */
function writeBoth(files: Record<string, string>, ...projects: TestComposeProject[]): void {
  for (const p of projects) for (const [name, text] of Object.entries(files)) writeFileSync(join(p.dir, name), text);
}

const env = (c: Inspected): Record<string, string> =>
  Object.fromEntries(c.Config.Env.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));

describe('compose cases (issue 22) on a real daemon', () => {
  let image: string;
  beforeAll(() => {
    image = ensureBusyboxImage();
  });
  const service = (name: string, extra = '') =>
    `  ${name}:\n    image: ${image}\n    command: sleep 1d\n    init: true\n${extra}`;

  it('1. .env values are interpolated in order, with defaults, as docker-compose does', async () => {
    await using ours = new TestComposeProject();
    await using theirs = new TestComposeProject();
    writeBoth(
      {
        '.env': 'WHEREAMI=EnvFile\nIMAGE=default_env:${WHEREAMI}\nTAG="${UNSET_TAG:-latest}"\nLIT=\'${WHEREAMI}\'\n',
        'docker-compose.yml': `services:\n${service('app', '    environment:\n      IMAGE: ${IMAGE}\n      TAG: ${TAG}\n      LIT: ${LIT}\n')}`,
      },
      ours,
      theirs,
    );
    await ours.compose({ env: {} }).up();
    const mine = env(inspect(`${ours.project}_app_1`));
    expect(mine).toMatchObject({ IMAGE: 'default_env:EnvFile', TAG: 'latest', LIT: '${WHEREAMI}' });
    expect(v1(theirs, 'up', '-d').status).toBe(0);
    const peer = env(inspect(`${theirs.project}_app_1`));
    for (const key of ['IMAGE', 'TAG']) expect(mine[key]).toBe(peer[key]);
    // The specification keeps single-quoted values literal; v1 (python-dotenv) expanded them.
    expect(peer.LIT).toBe('EnvFile');
    // The OS environment wins over .env, also inside it.
    await ours.compose({ env: { WHEREAMI: 'Shell' } }).up();
    expect(env(inspect(`${ours.project}_app_1`)).IMAGE).toBe('default_env:Shell');
  });

  it('2. network_mode "service:<name>" joins that container, after it, and follows its recreation', async () => {
    await using ours = new TestComposeProject();
    await using theirs = new TestComposeProject();
    const file = (dbEnv: string) =>
      `services:\n${service('app', '    network_mode: "service:db"\n')}${service('db', `    environment: [V=${dbEnv}]\n`)}`;
    writeBoth({ 'docker-compose.yml': file('1') }, ours, theirs);
    const compose = ours.compose();
    expect(kinds(await compose.up())).toEqual(['create-network', 'create db#1', 'create app#1']);
    const db = inspect(`${ours.project}_db_1`);
    const app = inspect(`${ours.project}_app_1`);
    expect(app.HostConfig.NetworkMode).toBe(`container:${db.Id}`);
    expect(app.State.Running).toBe(true);
    // docker-compose v1 makes the same link to its own db container.
    expect(v1(theirs, 'up', '-d').status).toBe(0);
    const theirDb = inspect(`${theirs.project}_db_1`);
    expect(inspect(`${theirs.project}_app_1`).HostConfig.NetworkMode).toBe(`container:${theirDb.Id}`);
    // Unchanged: a no-op.
    ours.counting.reset();
    expect(kinds(await compose.up())).toEqual(['leave db#1', 'leave app#1']);
    expect(ours.counting.writes).toEqual([]);
    // db recreated: app follows it to the new container.
    ours.write(file('2'));
    const actions = await compose.up();
    expect(kinds(actions)).toEqual(['recreate db#1', 'recreate app#1']);
    expect(actions[1].reason).toMatch(/shares the network of service db/);
    const newDb = inspect(`${ours.project}_db_1`);
    expect(newDb.Id).not.toBe(db.Id);
    const newApp = inspect(`${ours.project}_app_1`);
    expect(newApp.HostConfig.NetworkMode).toBe(`container:${newDb.Id}`);
    expect(newApp.State.Running).toBe(true);
    expect(kinds(await compose.up())).toEqual(['leave db#1', 'leave app#1']);
    await compose.down();
    expect(containersOf(ours.project)).toEqual([]);
  });

  it('3. a missing external volume is refused before anything is created, naming volume and service', async () => {
    await using ours = new TestComposeProject();
    await using theirs = new TestComposeProject();
    const missing = `${ours.project}-absent`;
    const file = (name: string) =>
      `services:\n${service('keep')}${service('data', '    volumes: ["store:/store"]\n')}volumes:\n  store:\n    external: true\n    name: "${name}"\n`;
    writeBoth({ 'docker-compose.yml': file(missing) }, ours, theirs);
    const error = await ours
      .compose()
      .up()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ComposeExternalResourceError);
    expect((error as Error).message).toContain(`external volume "${missing}" not found (used by service "data")`);
    await expect(ours.compose().plan()).rejects.toBeInstanceOf(ComposeExternalResourceError);
    expect(ours.counting.writes).toEqual([]);
    expect(containersOf(ours.project)).toEqual([]);
    expect(await new DockerodeClient().inspectVolume(missing)).toBeUndefined();
    // docker-compose v1 refuses it too, and makes no container.
    const peer = v1(theirs, 'up', '-d');
    expect(peer.status).not.toBe(0);
    expect(peer.out).toMatch(/declared as external, but could not be found/);
    expect(containersOf(theirs.project)).toEqual([]);
    // Empty after interpolation: a file error (v1 silently used the key as the name).
    ours.write(file('${NO_SUCH_VOLUME_VAR}'));
    await expect(ours.compose({ env: {} }).up()).rejects.toThrow(/volume "store" has an empty name/);
    // Once it exists, it is mounted and not created.
    spawnSync('docker', ['volume', 'create', '--label', `rxcharm.test=${ours.project}`, missing], { stdio: 'ignore' });
    ours.write(file(missing));
    ours.counting.reset();
    await ours.compose().up();
    expect(ours.counting.writes).not.toContain('createVolume');
    expect(inspect(`${ours.project}_data_1`).Mounts).toContainEqual(
      expect.objectContaining({ Type: 'volume', Name: missing, Destination: '/store' }),
    );
  });

  it('4. env_file with format raw takes values literally; the default format interpolates', async () => {
    await using ours = new TestComposeProject();
    writeBoth(
      {
        'raw.env': 'QUOTED="kept"\nDOLLAR=${NOT_EXPANDED}\nHASH=a # b\n',
        'app.env': 'QUOTED="stripped"\nFROM_ENV=${WHO:-nobody}\n',
        'docker-compose.yml': `services:\n${service('app', '    env_file:\n      - app.env\n      - path: raw.env\n        format: raw\n')}`,
      },
      ours,
    );
    await ours.compose({ env: { WHO: 'me' } }).up();
    expect(env(inspect(`${ours.project}_app_1`))).toMatchObject({
      QUOTED: '"kept"',
      DOLLAR: '${NOT_EXPANDED}',
      HASH: 'a # b',
      FROM_ENV: 'me',
    });
  });

  it('5. container_name empty after interpolation is refused before anything is created', async () => {
    await using ours = new TestComposeProject();
    ours.write(`services:\n${service('app', '    container_name: "${APP_NAME}"\n')}`);
    const error = await ours
      .compose({ env: {} })
      .up()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ComposeFileError);
    expect((error as Error).message).toMatch(/container_name of service "app" is empty \(after interpolation\)/);
    expect((error as Error).message).toContain(`${ours.file}:6`);
    expect(ours.counting.writes).toEqual([]);
    expect(containersOf(ours.project)).toEqual([]);
    await ours.compose({ env: { APP_NAME: `${ours.project}-named` } }).up();
    expect(inspect(`${ours.project}-named`).State.Running).toBe(true);
  });
});

describe('the version 1 format (issue 21) on a real daemon', () => {
  it('runs services written at the top level on the default bridge with links, as docker-compose v1 does', async () => {
    const image = ensureBusyboxImage();
    await using ours = new TestComposeProject();
    await using theirs = new TestComposeProject();
    // No `init` in this format (v1 refuses it): the clean-up kills the containers.
    const svc = (extra: string) => `  image: ${image}\n  command: sleep 1d\n${extra}`;
    writeBoth({ 'docker-compose.yml': `db:\n${svc('')}web:\n${svc('  links: ["db:database"]\n')}` }, ours, theirs);
    const warnings: string[] = [];
    expect(kinds(await ours.compose({ onWarning: (w) => warnings.push(w) }).up())).toEqual([
      'create db#1',
      'create web#1',
    ]);
    expect(warnings).toContainEqual(expect.stringMatching(/version 1 format .* is deprecated/));
    expect(v1(theirs, 'up', '-d').status).toBe(0);
    for (const p of [ours, theirs]) {
      const web = inspect(`${p.project}_web_1`);
      expect(Object.keys(web.NetworkSettings.Networks)).toEqual(['bridge']);
      // v1 also links the container's full and short names; the alias is what the file asks for.
      expect(web.HostConfig.Links).toContain(`/${p.project}_db_1:/${p.project}_web_1/database`);
      expect(web.State.Running).toBe(true);
    }
    expect(spawnSync('docker', ['network', 'inspect', `${ours.project}_default`]).status).not.toBe(0);
  });
});

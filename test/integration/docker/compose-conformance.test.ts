import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBusyboxImage, ensureProjectImage, TestComposeProject } from '../../support';

/*
 * Conformance with docker-compose v1: for each compose file of the table, `up` with rxcharm's
 * engine, inspect, take everything down, then `up` with docker-compose v1 under another project
 * name and inspect again (one after the other, since static addresses and subnets cannot be used
 * twice at once). The fields each key controls must be equal, once project names are replaced by
 * a placeholder. Where v1 cannot run a key (docker compose v2 or specification only), the case
 * checks what the specification says instead.
 */

jest.setTimeout(300_000);

type Json = Record<string, unknown>;
type Inspect = {
  readonly container: Json;
  readonly networks: Record<string, Json>;
  readonly volumes: Record<string, Json>;
};

function docker(...args: string[]): string {
  const r = spawnSync('docker', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`docker ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

function v1(p: TestComposeProject, project: string, ...args: string[]): void {
  const r = spawnSync('docker-compose', ['-p', project, '-f', p.file, ...args], { encoding: 'utf8', cwd: p.dir });
  if (r.status !== 0) throw new Error(`docker-compose ${args.join(' ')}: ${r.stdout}${r.stderr}`);
}

/** The project's container of `service`, networks and volumes, with `dir` replaced by `DIR` and `project` by `P`. */
function inspect(project: string, service: string, dir: string): Inspect {
  const strip = (text: string): string => text.split(dir).join('DIR').split(project).join('P');
  const ids = (kind: string, label: string): string[] =>
    docker(kind, 'ls', ...(kind === 'container' ? ['-a'] : []), '-q', '--filter', `label=${label}`)
      .split('\n')
      .filter(Boolean);
  const [id] = ids('container', `com.docker.compose.service=${service}`).filter(
    (c) => docker('inspect', '--format', '{{index .Config.Labels "com.docker.compose.project"}}', c).trim() === project,
  );
  if (id === undefined) throw new Error(`no container of ${service} in ${project}`);
  const container = (JSON.parse(strip(docker('inspect', id))) as Json[])[0];
  const networks: Record<string, Json> = {};
  for (const n of ids('network', `com.docker.compose.project=${project}`)) {
    const net = (JSON.parse(strip(docker('network', 'inspect', n))) as Json[])[0];
    networks[net.Name as string] = net;
  }
  const volumes: Record<string, Json> = {};
  for (const v of docker('volume', 'ls', '-q', '--filter', `label=com.docker.compose.project=${project}`)
    .split('\n')
    .filter(Boolean)) {
    const vol = (JSON.parse(strip(docker('volume', 'inspect', v))) as Json[])[0];
    volumes[vol.Name as string] = vol;
  }
  return { container, networks, volumes };
}

const get = (o: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v === null || typeof v !== 'object' ? undefined : (v as Json)[k]), o);
const userLabels = (labels: unknown): Json =>
  Object.fromEntries(
    Object.entries((labels ?? {}) as Json).filter(
      ([k]) => !k.startsWith('com.docker.compose.') && !k.startsWith('rxcharm.'),
    ),
  );
const sortedList = (v: unknown): unknown => (Array.isArray(v) ? [...v].map(String).sort() : v);
const mounts = (c: Json): unknown =>
  ((c.Mounts ?? []) as Json[])
    .map((m) => ({
      Type: m.Type,
      Source: m.Type === 'volume' ? m.Name : m.Source,
      Destination: m.Destination,
      RW: m.RW,
    }))
    .sort((a, b) => String(a.Destination).localeCompare(String(b.Destination)));

/** What a key controls, read from one engine's result. */
type Field = readonly [name: string, read: (r: Inspect) => unknown];
const container = (path: string, normalize: (v: unknown) => unknown = (v) => v): Field => [
  path,
  (r) => normalize(get(r.container, path)),
];

interface Case {
  readonly name: string;
  /** The compose file; `IMAGE` is replaced by the local busybox image. */
  readonly file: string;
  readonly files?: Readonly<Record<string, string>>;
  /** The service inspected. */
  readonly service?: string;
  /** Fields compared between the two engines. */
  readonly compare: readonly Field[];
  /** docker-compose v1 flags (`--compatibility` reads deploy: as v2 does). */
  readonly v1Flags?: readonly string[];
  /** `false` when docker-compose v1 cannot run the file (docker compose v2 / specification only). */
  readonly v1?: false;
  /** Checks against the specification, for keys v1 cannot run. */
  readonly spec?: (r: Inspect, project: string) => void;
}

const BASE =
  '    image: IMAGE\n    command: sleep 1d\n    init: true\n    labels: { rxcharm.test: conformance, team: a }\n';

const CASES: readonly Case[] = [
  {
    name: 'environment, command, ports, restart, runtime options',
    file:
      `services:\n  app:\n${BASE}` +
      `    environment: { A: "1", B: two }\n    ports: ["127.0.0.1::8080", "9090/udp"]\n    restart: on-failure:2\n` +
      `    cap_add: [NET_ADMIN, SYS_TIME]\n    cap_drop: [MKNOD]\n    sysctls: { net.core.somaxconn: 1024 }\n` +
      `    extra_hosts: ["db.local:10.1.2.3"]\n    dns: [9.9.9.9]\n    dns_search: [example.com]\n    dns_opt: [use-vc]\n` +
      `    tmpfs: ["/scratch:size=1m"]\n    ulimits: { nofile: { soft: 1024, hard: 2048 }, nproc: 512 }\n` +
      `    logging: { driver: json-file, options: { max-size: 1m, max-file: "2" } }\n    shm_size: 32m\n` +
      `    mem_limit: 64m\n    cpus: 0.5\n    pids_limit: 64\n    security_opt: [no-new-privileges:true]\n` +
      `    group_add: ["44"]\n    read_only: true\n    stop_signal: SIGUSR1\n    stdin_open: true\n    tty: true\n` +
      `    runtime: runc\n    pid: host\n    ipc: shareable\n`,
    compare: [
      container('Config.Env', sortedList),
      container('Config.Cmd'),
      ['Config.Labels', (r) => userLabels(get(r.container, 'Config.Labels'))],
      container('HostConfig.PortBindings'),
      container('Config.ExposedPorts'),
      container('HostConfig.RestartPolicy'),
      container('HostConfig.CapAdd', sortedList),
      container('HostConfig.CapDrop', sortedList),
      container('HostConfig.Sysctls'),
      container('HostConfig.ExtraHosts'),
      container('HostConfig.Dns'),
      container('HostConfig.DnsSearch'),
      container('HostConfig.DnsOptions'),
      container('HostConfig.Tmpfs'),
      container('HostConfig.Ulimits'),
      container('HostConfig.LogConfig'),
      container('HostConfig.ShmSize'),
      container('HostConfig.Memory'),
      container('HostConfig.NanoCpus'),
      container('HostConfig.PidsLimit'),
      container('HostConfig.SecurityOpt'),
      container('HostConfig.GroupAdd'),
      container('HostConfig.ReadonlyRootfs'),
      container('Config.StopSignal'),
      container('Config.OpenStdin'),
      container('Config.Tty'),
      container('HostConfig.Runtime'),
      container('HostConfig.PidMode'),
      container('HostConfig.IpcMode'),
    ],
  },
  {
    // `privileged: true` has its own test below: some machines cannot start a privileged container.
    name: 'devices, platform, pull_policy',
    file: `services:\n  app:\n${BASE}    devices: ["/dev/null:/dev/mynull:rw"]\n    platform: linux/amd64\n    pull_policy: if_not_present\n`,
    compare: [container('HostConfig.Devices'), container('Platform'), container('Image')],
  },
  {
    name: 'networks (ipam, internal, driver_opts, labels), ipv4_address, aliases; volumes (driver_opts, labels)',
    file:
      `services:\n  app:\n${BASE}    networks:\n      back: { ipv4_address: 172.29.57.10, aliases: [api] }\n` +
      `    volumes: [data:/data]\n` +
      `networks:\n  back:\n    internal: true\n    labels: { tier: back }\n    driver_opts: { com.docker.network.driver.mtu: "1400" }\n` +
      `    ipam:\n      config: [{ subnet: 172.29.57.0/24, gateway: 172.29.57.1 }]\n` +
      `volumes:\n  data:\n    driver_opts: { type: tmpfs, device: tmpfs, o: size=1m }\n    labels: { keep: "yes" }\n`,
    compare: [
      ['network IPAM config', (r) => get(r.networks.P_back, 'IPAM.Config')],
      ['network Internal', (r) => get(r.networks.P_back, 'Internal')],
      ['network Options', (r) => get(r.networks.P_back, 'Options')],
      ['network labels', (r) => userLabels(get(r.networks.P_back, 'Labels'))],
      ['endpoint IPAMConfig', (r) => get(r.container, 'NetworkSettings.Networks.P_back.IPAMConfig')],
      [
        'endpoint aliases',
        (r) =>
          sortedList(
            ((get(r.container, 'NetworkSettings.Networks.P_back.Aliases') ?? []) as string[]).filter(
              (a) => !/^[0-9a-f]{12}$/.test(a),
            ),
          ),
      ],
      ['volume Options', (r) => get(r.volumes.P_data, 'Options')],
      ['volume labels', (r) => userLabels(get(r.volumes.P_data, 'Labels'))],
      ['mounts', (r) => mounts(r.container)],
    ],
  },
  {
    name: 'file-based secrets (v1) and configs (specification: v1 ignores configs)',
    file:
      `services:\n  app:\n${BASE}    secrets: [token, { source: cert, target: tls.pem }]\n    configs: [conf]\n` +
      `secrets:\n  token: { file: ./token.txt }\n  cert: { file: ./cert.pem }\nconfigs:\n  conf: { file: ./app.conf }\n`,
    files: { 'token.txt': 't0k', 'cert.pem': 'pem', 'app.conf': 'x=1' },
    compare: [
      [
        'secret mounts',
        (r) => (mounts(r.container) as Json[]).filter((m) => String(m.Destination).startsWith('/run/secrets')),
      ],
    ],
    spec: (r) =>
      expect(mounts(r.container)).toContainEqual({
        Type: 'bind',
        Source: expect.stringMatching(/app\.conf$/),
        Destination: '/conf',
        RW: false,
      }),
  },
  {
    name: 'extends (same file and another file) and volumes_from',
    file:
      `services:\n  base:\n${BASE}    environment: [A=1, B=1]\n    volumes: [/shared]\n` +
      `  app:\n    extends: base\n    environment: [B=2]\n    volumes_from: ["other:ro"]\n` +
      `  other:\n    extends: { file: common.yml, service: web }\n`,
    files: { 'common.yml': `services:\n  web:\n${BASE}    volumes: [/shared2]\n` },
    compare: [
      container('Config.Env', sortedList),
      ['mounts', (r) => (mounts(r.container) as Json[]).map((m) => [m.Destination, m.RW])],
    ],
  },
  {
    name: 'deploy resources and restart_policy (v1 with --compatibility)',
    file:
      `services:\n  app:\n${BASE}    deploy:\n      restart_policy: { condition: on-failure, max_attempts: 3 }\n` +
      `      resources:\n        limits: { cpus: "0.25", memory: 48M }\n        reservations: { memory: 16M }\n`,
    v1Flags: ['--compatibility'],
    compare: [
      container('HostConfig.RestartPolicy'),
      container('HostConfig.NanoCpus'),
      container('HostConfig.Memory'),
      container('HostConfig.MemoryReservation'),
    ],
    spec: (r) => expect(get(r.container, 'HostConfig.PidsLimit') ?? 0).toBeFalsy(),
  },
  {
    name: 'v2 only: develop (ignored), deploy.mode global and placement (one container), replicas',
    file:
      `services:\n  app:\n${BASE}    develop: { watch: [{ action: rebuild, path: . }] }\n` +
      `    deploy: { mode: global, placement: { constraints: [node.role==manager] } }\n` +
      `  many:\n${BASE}    deploy: { replicas: 2 }\n`,
    v1: false,
    compare: [],
    spec: (r, project) => {
      expect(get(r.container, 'State.Running')).toBe(true);
      const many = docker(
        'ps',
        '-q',
        '--filter',
        `label=com.docker.compose.project=${project}`,
        '--filter',
        'label=com.docker.compose.service=many',
      );
      expect(many.split('\n').filter(Boolean)).toHaveLength(2);
    },
  },
];

describe('conformance with docker-compose v1 (docker inspect of the created containers)', () => {
  let image: string;
  beforeAll(() => {
    image = ensureBusyboxImage();
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    await using p = new TestComposeProject({ prefix: 'rxconf' });
    const peer = `${p.project}v1`;
    p.write(c.file.split('IMAGE').join(image));
    for (const [name, text] of Object.entries(c.files ?? {})) {
      mkdirSync(join(p.dir, name, '..'), { recursive: true });
      writeFileSync(join(p.dir, name), text.split('IMAGE').join(image));
    }
    const service = c.service ?? 'app';
    let ours: Inspect;
    let theirs: Inspect;
    try {
      await p.compose().up();
      ours = inspect(p.project, service, p.dir);
      if (c.v1 === false) {
        c.spec?.(ours, p.project);
        return;
      }
      await p.compose().down({ volumes: true });
      v1(p, peer, ...(c.v1Flags ?? []), 'up', '-d');
      theirs = inspect(peer, service, p.dir);
    } finally {
      spawnSync('docker-compose', ['-p', peer, '-f', p.file, 'down', '-v'], { cwd: p.dir, stdio: 'ignore' });
    }
    for (const [field, read] of c.compare) expect({ field, value: read(ours) }).toEqual({ field, value: read(theirs) });
    c.spec?.(ours, p.project);
  });

  it('privileged: the created containers match (started where the daemon can start them)', async () => {
    await using p = new TestComposeProject({ prefix: 'rxconf' });
    const peer = `${p.project}v1`;
    p.write(`services:\n  app:\n${BASE}    privileged: true\n`.split('IMAGE').join(image));
    let ours: Inspect;
    let theirs: Inspect;
    try {
      // A privileged container asks runc for every capability; where the machine's bounding set
      // lacks one (this one has no CAP_SYS_RESOURCE, see docs/compose.md), the start fails and
      // only the create can be compared.
      const started = await p
        .compose()
        .up()
        .then(
          () => true,
          (e: unknown) => {
            expect(String(e)).toMatch(/unable to apply caps: operation not permitted/);
            return false;
          },
        );
      ours = inspect(p.project, 'app', p.dir);
      expect(get(ours.container, 'State.Running')).toBe(started);
      await p.compose().down({ volumes: true });
      if (started) v1(p, peer, 'up', '-d');
      else v1(p, peer, 'up', '--no-start');
      theirs = inspect(peer, 'app', p.dir);
    } finally {
      spawnSync('docker-compose', ['-p', peer, '-f', p.file, 'down', '-v'], { cwd: p.dir, stdio: 'ignore' });
    }
    expect(get(ours.container, 'HostConfig.Privileged')).toBe(true);
    for (const path of [
      'HostConfig.Privileged',
      'HostConfig.CapAdd',
      'HostConfig.CapDrop',
      'HostConfig.SecurityOpt',
      'Config.Cmd',
    ]) {
      expect({ path, value: get(ours.container, path) }).toEqual({ path, value: get(theirs.container, path) });
    }
  });

  it('profiles: both engines run the same services for the same active profiles', async () => {
    await using p = new TestComposeProject({ prefix: 'rxconf' });
    const peer = `${p.project}v1`;
    p.write(
      `services:\n  app:\n${BASE}  debug:\n${BASE}    profiles: [dev]\n  tools:\n${BASE}    profiles: [ops]\n`
        .split('IMAGE')
        .join(image),
    );
    const names = (project: string): string[] =>
      docker(
        'ps',
        '-a',
        '--filter',
        `label=com.docker.compose.project=${project}`,
        '--format',
        '{{.Label "com.docker.compose.service"}}',
      )
        .split('\n')
        .filter(Boolean)
        .sort();
    try {
      await p.compose({ profiles: ['dev'] }).up();
      v1(p, peer, '--profile', 'dev', 'up', '-d');
      expect(names(p.project)).toEqual(['app', 'debug']);
      expect(names(peer)).toEqual(names(p.project));
    } finally {
      spawnSync('docker-compose', ['-p', peer, '-f', p.file, 'down', '-v'], { cwd: p.dir, stdio: 'ignore' });
    }
  });
});

/** The seed article's compose file, images replaced by local ones (see the fixture's README). */
const SEED = join(__dirname, '..', '..', 'fixtures', 'compose', 'seed-voting-app');
const SEED_SERVICES = ['vote', 'redis', 'worker', 'db', 'result'] as const;

/** Fields compared on every container of the seed's file. */
const SEED_FIELDS: readonly Field[] = [
  container('Config.Env', sortedList),
  container('Config.Cmd'),
  container('Config.Entrypoint'),
  container('Config.WorkingDir'),
  container('Config.User'),
  container('Config.ExposedPorts'),
  container('HostConfig.PortBindings'),
  container('HostConfig.RestartPolicy'),
  container('HostConfig.NetworkMode'),
  ['Config.Labels', (r) => userLabels(get(r.container, 'Config.Labels'))],
  // Anonymous volumes (the image's VOLUMEs) get random names: compare where and how they mount.
  ['mounts', (r) => (mounts(r.container) as Json[]).map((m) => [m.Type, m.Destination, m.RW])],
  [
    'default network aliases',
    (r) =>
      sortedList(
        ((get(r.container, 'NetworkSettings.Networks.P_default.Aliases') ?? []) as string[]).filter(
          (a) => !/^[0-9a-f]{12}$/.test(a),
        ),
      ),
  ],
];

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, tries = 240): Promise<T> {
  let last: unknown;
  for (let i = 0; i < tries; i++) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not happen (last error: ${String(last)})`);
}

describe("the seed's compose file (layer-docker-deep-dive, version 2, build contexts on local images)", () => {
  beforeAll(() => {
    for (const name of ['vote', 'worker', 'result', 'redis', 'postgres'] as const) ensureProjectImage(name);
  });

  it('up --build runs every service, a vote reaches the result page, and the containers match docker-compose v1', async () => {
    await using p = new TestComposeProject({ prefix: 'rxseed' });
    const peer = `${p.project}v1`;
    cpSync(SEED, p.dir, { recursive: true });
    const ours: Record<string, Inspect> = {};
    const theirs: Record<string, Inspect> = {};
    try {
      await p.compose().up(undefined, { build: true });
      for (const s of SEED_SERVICES) {
        ours[s] = inspect(p.project, s, p.dir);
        expect({ s, running: get(ours[s].container, 'State.Running') }).toEqual({ s, running: true });
      }
      const page = await waitFor('vote answering on :5000', async () => {
        const res = await fetch('http://127.0.0.1:5000/');
        return res.status === 200 ? res.text() : undefined;
      });
      expect(page).toContain('Cats vs Dogs');
      const cast = await fetch('http://127.0.0.1:5000/vote', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ vote: 'a', voter_id: 'seed-test' }),
      });
      expect(cast.status).toBe(201);
      // vote → redis → worker → db → result: every service of the file takes part.
      const tally = await waitFor('the vote on the result page (:5001)', async () => {
        const res = await fetch('http://127.0.0.1:5001/api/results');
        const body = (await res.json()) as { a: number; total: number };
        return res.status === 200 && body.total > 0 ? body : undefined;
      });
      expect(tally).toMatchObject({ a: 1, total: 1 });

      await p.compose().down({ volumes: true });
      v1(p, peer, 'up', '-d', '--build');
      for (const s of SEED_SERVICES) theirs[s] = inspect(peer, s, p.dir);
    } finally {
      spawnSync('docker-compose', ['-p', peer, '-f', p.file, 'down', '-v', '--rmi', 'local'], {
        cwd: p.dir,
        stdio: 'ignore',
      });
      await p.compose().down({ volumes: true });
      const built = SEED_SERVICES.map((s) => `${p.project}-${s}`).filter((s) => !/-(redis|db)$/.test(s));
      spawnSync('docker', ['rmi', ...built], { stdio: 'ignore' });
    }
    for (const s of SEED_SERVICES) {
      for (const [field, read] of SEED_FIELDS) {
        expect({ service: s, field, value: read(ours[s]) }).toEqual({ service: s, field, value: read(theirs[s]) });
      }
    }
  });
});

import { containerCreateBody, networkCreateBody, volumeCreateBody } from '../client/engine-body';
import { desiredState } from '../engine/desired-state';
import { serviceTemplate } from '../engine/service-template';
import { ComposeFileError, ComposeUsageError } from '../errors';
import { selectProfiles } from './select-profiles';
import { parseComposeText } from '../../../test/support/parse-compose-text';

function parse(text: string, files: Record<string, string> = {}, warnings: string[] = []) {
  return parseComposeText(text, { env: { TAG: '7' }, files, onWarning: (w) => warnings.push(w) });
}
const body = (text: string, service = 'app', files: Record<string, string> = {}) => {
  const model = parse(text, files);
  const t = serviceTemplate(model, model.services[service], 'p');
  return containerCreateBody({ ...t, name: 'p_app_1', labels: {} });
};

describe('compose keys → Engine API', () => {
  it('translates the runtime keys into HostConfig as docker compose v2 does', () => {
    const b = body(`
services:
  app:
    image: x
    cap_add: [SYS_ADMIN, NET_ADMIN]
    cap_drop: [MKNOD]
    platform: linux/amd64
    runtime: runc
    stdin_open: true
    tty: true
    sysctls: { net.core.somaxconn: 1024 }
    extra_hosts: ["db:10.0.0.2", "cache=10.0.0.3"]
    dns: 8.8.8.8
    dns_search: [example.com]
    dns_opt: [use-vc]
    tmpfs: [/run, "/tmp:size=64m"]
    ulimits: { nofile: { soft: 1024, hard: 2048 }, nproc: 512 }
    logging: { driver: json-file, options: { max-size: 10m } }
    shm_size: 64m
    mem_limit: 1g
    mem_reservation: 512m
    cpus: 0.5
    pids_limit: 100
    privileged: true
    devices: ["/dev/null:/dev/mynull:rw"]
    security_opt: [no-new-privileges:true]
    pid: host
    ipc: shareable
    group_add: [audio, "44"]
    read_only: true
`);
    expect(b.OpenStdin).toBe(true);
    expect(b.Tty).toBe(true);
    expect(b.HostConfig).toMatchObject({
      CapAdd: ['NET_ADMIN', 'SYS_ADMIN'],
      CapDrop: ['MKNOD'],
      Runtime: 'runc',
      Sysctls: { 'net.core.somaxconn': '1024' },
      ExtraHosts: ['db:10.0.0.2', 'cache:10.0.0.3'],
      Dns: ['8.8.8.8'],
      DnsSearch: ['example.com'],
      DnsOptions: ['use-vc'],
      Tmpfs: { '/run': '', '/tmp': 'size=64m' },
      Ulimits: [
        { Name: 'nofile', Soft: 1024, Hard: 2048 },
        { Name: 'nproc', Soft: 512, Hard: 512 },
      ],
      LogConfig: { Type: 'json-file', Config: { 'max-size': '10m' } },
      ShmSize: 64 * 1024 ** 2,
      Memory: 1024 ** 3,
      MemoryReservation: 512 * 1024 ** 2,
      NanoCpus: 5e8,
      PidsLimit: 100,
      Privileged: true,
      Devices: [{ PathOnHost: '/dev/null', PathInContainer: '/dev/mynull', CgroupPermissions: 'rw' }],
      SecurityOpt: ['no-new-privileges:true'],
      PidMode: 'host',
      IpcMode: 'shareable',
      GroupAdd: ['44', 'audio'],
      ReadonlyRootfs: true,
    });
  });

  it('leaves the body of a service without the new keys unchanged', () => {
    const b = body('services:\n  app:\n    image: x\n');
    expect(Object.keys(b.HostConfig as object).sort()).toEqual(
      ['Binds', 'Init', 'Links', 'Mounts', 'NetworkMode', 'PortBindings', 'RestartPolicy'].sort(),
    );
    expect(b).not.toHaveProperty('Tty');
  });

  it('reads deploy: replicas, restart_policy and resources; service keys win; Swarm-only parts warn', () => {
    const warnings: string[] = [];
    const model = parse(
      `
services:
  app:
    image: x
    cpus: 0.25
    deploy:
      mode: replicated
      replicas: 3
      placement: { constraints: [node.role==manager] }
      restart_policy: { condition: on-failure, max_attempts: 4 }
      resources:
        limits: { cpus: '1.5', memory: 256M, pids: 50 }
        reservations: { memory: 128M }
`,
      {},
      warnings,
    );
    const app = model.services.app;
    expect(app.scale).toBe(3);
    expect(app.restart).toEqual({ name: 'on-failure', maximumRetryCount: 4 });
    expect(app.options).toEqual({
      nanoCpus: 2.5e8,
      memory: 256 * 1024 ** 2,
      pidsLimit: 50,
      memoryReservation: 128 * 1024 ** 2,
    });
    expect(warnings).toEqual([expect.stringContaining('deploy.placement')]);
  });

  it('accepts deploy.mode global with a warning naming it', () => {
    const warnings: string[] = [];
    parse('services:\n  app:\n    image: x\n    deploy: { mode: global }\n', {}, warnings);
    expect(warnings).toEqual([expect.stringContaining('deploy.mode global')]);
  });

  it('mounts file-based secrets and configs read-only where docker compose v2 puts them', () => {
    const model = parse(`
services:
  app:
    image: x
    secrets: [token, { source: cert, target: tls.pem }]
    configs: [nginx, { source: app, target: /etc/app.conf }]
secrets:
  token: { file: ./token.txt }
  cert: { file: /abs/cert.pem }
configs:
  nginx: { file: ./nginx.conf }
  app: { file: ./app.conf }
`);
    expect(model.services.app.volumes).toEqual([
      { type: 'bind', source: '/proj/token.txt', target: '/run/secrets/token', readOnly: true },
      { type: 'bind', source: '/abs/cert.pem', target: '/run/secrets/tls.pem', readOnly: true },
      { type: 'bind', source: '/proj/nginx.conf', target: '/nginx', readOnly: true },
      { type: 'bind', source: '/proj/app.conf', target: '/etc/app.conf', readOnly: true },
    ]);
  });

  it('refuses a secret that only Swarm can provide, naming it', () => {
    expect(() => parse('services: {}\nsecrets:\n  s: { external: true }\n')).toThrow(
      /secrets\.s\.external.*file-based/,
    );
    expect(() => parse('services:\n  app: { image: x, secrets: [nope] }\n')).toThrow(/undefined secret "nope"/);
  });

  it('creates networks with ipam, internal and driver_opts, and volumes with driver_opts and labels', () => {
    const model = parse(`
services:
  app:
    image: x
    networks:
      back: { ipv4_address: 172.28.0.10, aliases: [api] }
networks:
  back:
    internal: true
    driver_opts: { com.docker.network.bridge.name: br-test }
    labels: { tier: back }
    ipam:
      config: [{ subnet: 172.28.0.0/16, gateway: 172.28.0.1 }]
volumes:
  data:
    driver_opts: { type: tmpfs, device: tmpfs }
    labels: [keep=yes]
`);
    const desired = desiredState(model, { project: 'p', configFiles: [], imageIds: {} });
    const net = desired.networks.find((n) => n.key === 'back')!;
    expect(networkCreateBody({ name: net.name, driver: net.driver, labels: net.labels, ...net.options })).toEqual({
      Name: 'p_back',
      Driver: 'bridge',
      Labels: { tier: 'back' },
      CheckDuplicate: true,
      Internal: true,
      Options: { 'com.docker.network.bridge.name': 'br-test' },
      IPAM: { Driver: 'default', Config: [{ Subnet: '172.28.0.0/16', Gateway: '172.28.0.1' }], Options: {} },
    });
    const vol = desired.volumes.find((v) => v.key === 'data')!;
    expect(volumeCreateBody({ name: vol.name, labels: vol.labels, ...vol.options })).toEqual({
      Name: 'p_data',
      Driver: 'local',
      Labels: { keep: 'yes' },
      DriverOpts: { type: 'tmpfs', device: 'tmpfs' },
    });
    const b = containerCreateBody({
      ...desired.services[0].template,
      name: 'p_app_1',
      labels: {},
    });
    expect(b.NetworkingConfig).toEqual({
      EndpointsConfig: { p_back: { Aliases: ['app', 'api'], IPAMConfig: { IPv4Address: '172.28.0.10' } } },
    });
  });

  it('resolves extends in the same file and from another file, with the merge rules', () => {
    const model = parse(
      `
services:
  base:
    image: x
    environment: { A: "1", B: "1" }
    ports: ["80"]
    command: [a]
  app:
    extends: base
    environment: [B=2]
    ports: ["81"]
    command: [b]
  other:
    extends: { file: common/common.yml, service: web }
    environment: { C: "3" }
`,
      {
        '/proj/common/common.yml':
          'services:\n  web:\n    image: y:${TAG}\n    env_file: web.env\n    volumes: ["./html:/usr/share/html"]\n',
        '/proj/common/web.env': 'W=1\n',
      },
    );
    expect(model.services.app.environment).toEqual({ A: '1', B: '2' });
    expect(model.services.app.ports.map((p) => p.target)).toEqual([80, 81]);
    expect(model.services.app.command).toEqual(['b']);
    expect(model.services.other.image).toBe('y:7');
    expect(model.services.other.environment).toEqual({ W: '1', C: '3' });
    expect(model.services.other.volumes[0]).toMatchObject({ source: '/proj/common/html' });
    expect(model.services.other.sourceFiles).toEqual(['/proj/common/common.yml']);
  });

  it('names an extends cycle and an undefined base', () => {
    expect(() => parse('services:\n  a: { extends: b, image: x }\n  b: { extends: a, image: x }\n')).toThrow(
      /extends cycle/,
    );
    expect(() => parse('services:\n  a: { extends: nope }\n')).toThrow(ComposeFileError);
  });

  it('selects services by profile; a named service brings its dependencies', () => {
    const model = parse(`
services:
  app: { image: x }
  debug: { image: x, profiles: [dev], depends_on: [tools] }
  tools: { image: x, profiles: [tools] }
`);
    expect(Object.keys(selectProfiles(model, []).model.services)).toEqual(['app']);
    expect(selectProfiles(model, []).inactive).toEqual(['debug', 'tools']);
    expect(Object.keys(selectProfiles(model, [], ['debug']).model.services)).toEqual(['app', 'debug', 'tools']);
    expect(() => selectProfiles(model, ['dev'])).toThrow(ComposeUsageError);
    expect(Object.keys(selectProfiles(model, ['*']).model.services)).toEqual(['app', 'debug', 'tools']);
  });

  it('reads build (short and long form); without image the image is <project>-<service>', () => {
    const model = parse(`
services:
  app:
    build:
      context: ./src
      dockerfile: Dockerfile.dev
      args: [VERSION=1]
      target: prod
      labels: { a: b }
      cache_from: [x:cache]
  web:
    image: web:1
    build: web
`);
    expect(model.services.app.build).toEqual({
      context: '/proj/src',
      dockerfile: 'Dockerfile.dev',
      args: { VERSION: '1' },
      target: 'prod',
      labels: { a: 'b' },
      cacheFrom: ['x:cache'],
    });
    const desired = desiredState(model, { project: 'p', configFiles: [], imageIds: {} });
    expect(desired.services.map((s) => s.image)).toEqual(['p-app', 'web:1']);
  });

  it('translates volumes_from to the first container of the service, and depends on it', () => {
    const model = parse(`
services:
  data: { image: x }
  app: { image: x, volumes_from: ["data:ro", "container:other"] }
`);
    const desired = desiredState(model, { project: 'p', configFiles: [], imageIds: {} });
    const app = desired.services.find((s) => s.name === 'app')!;
    expect(app.template.volumesFrom).toEqual(['p_data_1:ro', 'other:rw']);
    expect(Object.keys(app.dependsOn)).toEqual(['data']);
  });

  it('accepts develop with a warning; refuses an unknown deploy key with its path', () => {
    const warnings: string[] = [];
    parse('services:\n  app:\n    image: x\n    develop: { watch: [] }\n', {}, warnings);
    expect(warnings).toEqual([expect.stringContaining('develop')]);
    expect(() => parse('services:\n  app:\n    image: x\n    deploy: { frob: 1 }\n')).toThrow(/deploy\.frob/);
  });

  it('changes the config hash of exactly the service whose key changed', () => {
    const hashes = (capApp: string) => {
      const model = parse(
        `services:\n  app: { image: x, cap_add: [${capApp}], ulimits: { nofile: 10 } }\n  db: { image: x, tmpfs: [/t] }\n`,
      );
      return desiredState(model, { project: 'p', configFiles: [], imageIds: {} }).services.map((s) => s.hash);
    };
    const [app1, db1] = hashes('NET_ADMIN');
    const [app2, db2] = hashes('SYS_ADMIN');
    const [app3] = hashes('NET_ADMIN');
    expect(app1).not.toBe(app2);
    expect(db1).toBe(db2);
    expect(app3).toBe(app1);
  });
});

import { ComposeFileError, ComposeInterpolationError, UnsupportedComposeKeyError } from '../errors';
import { parseCompose } from './parse-compose';
import { parseComposeText, TEST_COMPOSE_FILE } from '../../../test/support/parse-compose-text';

const file = TEST_COMPOSE_FILE;
const parse = (text: string, env: Record<string, string> = {}, files: Record<string, string> = {}) =>
  parseComposeText(text, { env, files });

describe('parseCompose', () => {
  it('normalizes every supported key', () => {
    const model = parse(
      `
version: "3.8"
services:
  db:
    image: redis:\${TAG:-7}
    command: redis-server --appendonly "yes please"
    healthcheck:
      test: redis-cli ping
      interval: 1s
      timeout: 500ms
      retries: 3
      start_period: 1m
    volumes: [data:/data, ./conf:/etc/redis:ro, /anon]
    expose: ["6379", "7000-7001/udp"]
    restart: on-failure:3
    stop_grace_period: 1m30s
    stop_signal: SIGINT
    init: true
    labels: [a=1, b=x=y]
  web:
    image: web
    entrypoint: [/bin/sh, -c]
    environment:
      - A=1
      - FROM_HOST
      - MISSING
    env_file: web.env
    ports: ["5000:80", {target: 443, published: 8443}]
    depends_on:
      db: {condition: service_healthy}
    links: ["db:database"]
    networks:
      front: {aliases: [www]}
    container_name: the-web
    scale: 1
    working_dir: /app
    user: "1000:1000"
    hostname: web1
    x-note: ignored extension
volumes:
  data: {}
networks:
  front:
`,
      { FROM_HOST: 'host' },
      { '/proj/web.env': 'A=from-file\nB=2\n' },
    );
    const db = model.services.db;
    expect(db.image).toBe('redis:7');
    expect(db.command).toEqual(['redis-server', '--appendonly', 'yes please']);
    expect(db.healthcheck).toEqual({
      test: ['CMD-SHELL', 'redis-cli ping'],
      intervalNs: 1e9,
      timeoutNs: 5e8,
      startPeriodNs: 60e9,
      retries: 3,
    });
    expect(db.volumes).toEqual([
      { type: 'volume', source: 'data', target: '/data', readOnly: false },
      { type: 'bind', source: '/proj/conf', target: '/etc/redis', readOnly: true },
      { type: 'volume', target: '/anon', readOnly: false },
    ]);
    expect(db.expose).toEqual(['6379/tcp', '7000/udp', '7001/udp']);
    expect(db.restart).toEqual({ name: 'on-failure', maximumRetryCount: 3 });
    expect(db.stopGracePeriodSeconds).toBe(90);
    expect(db.labels).toEqual({ a: '1', b: 'x=y' });
    expect(db.networks).toEqual({ default: { aliases: [] } });
    const web = model.services.web;
    expect(web.environment).toEqual({ A: '1', B: '2', FROM_HOST: 'host', MISSING: null });
    expect(web.envFiles).toEqual(['/proj/web.env']);
    expect(web.ports.map((p) => `${p.published}:${p.target}`)).toEqual(['5000:80', '8443:443']);
    expect(web.dependsOn).toEqual({ db: { condition: 'service_healthy', required: true, restart: false } });
    expect(web.links).toEqual([['db', 'database']]);
    expect(web.networks).toEqual({ front: { aliases: ['www'] } });
    expect([web.containerName, web.workingDir, web.user, web.hostname]).toEqual([
      'the-web',
      '/app',
      '1000:1000',
      'web1',
    ]);
    expect(Object.keys(model.networks).sort()).toEqual(['default', 'front']);
    expect(model.workingDir).toBe('/proj');
  });

  it('accepts depends_on as a list and files without version', () => {
    const m = parse('services:\n  a: {image: x, depends_on: [b]}\n  b: {image: y, command: ""}\n');
    expect(m.services.a.dependsOn.b.condition).toBe('service_started');
    expect(m.services.b.command).toEqual([]);
  });

  it('names the service and key of an unsupported key, with its line', () => {
    const run = () => parse('services:\n  web:\n    image: x\n    frobnicate: .\n');
    expect(run).toThrow(UnsupportedComposeKeyError);
    expect(run).toThrow(/key "frobnicate" of service "web"/);
    try {
      run();
    } catch (e) {
      expect((e as UnsupportedComposeKeyError).context).toMatchObject({
        service: 'web',
        key: 'frobnicate',
        line: 4,
        file: '/proj/docker-compose.yml',
      });
    }
  });

  it('rejects unsupported top-level keys', () => {
    expect(() => parse('services: {}\nfrobnicate: {}\n')).toThrow(/top-level key "frobnicate"/);
  });

  it.each([
    ['services:\n  a:\n    image: x\n    ports: ["a:80"]\n', /services\.a\.ports\.0/, 4],
    ['services:\n  a:\n    image: x\n    depends_on: [nope]\n', /undefined service "nope"/, 4],
    ['services:\n  a: {image: x, depends_on: [b]}\n  b: {image: x, depends_on: [a]}\n', /dependency cycle/, undefined],
    ['services:\n  a:\n    image: x\n    healthcheck: {test: [ECHO, hi]}\n', /CMD, CMD-SHELL or NONE/, 4],
    ['services:\n  a:\n    image: x\n    restart: sometimes\n', /invalid restart policy/, 4],
    ['services:\n  a:\n    image: x\n    volumes: ["db:/data"]\n', /undefined volume "db"/, 4],
    ['services:\n  a:\n    command: x\n', /needs an "image"/, 2],
    ['services:\n  a: {image: x, scale: 2, container_name: cc}\n', /cannot scale/, 2],
    ['services:\n  a: {image: x, container_name: "${NAME}"}\n', /container_name of service "a" is empty/, 2],
    ['services:\n  a: {image: x, container_name: "-x"}\n', /invalid container_name "-x"/, 2],
    ['version: "3"\n', /no "services" mapping at the top level/, undefined],
    ['services: [a, b]\n', /"services" must be a mapping .* got a list/, 1],
    ['', /the file is empty/, undefined],
    ['services:\n  a: {image: x, network_mode: "service:db"}\n', /shares the network of undefined service "db"/, 2],
    [
      'services:\n  a: {image: x, volumes: ["v:/v"]}\nvolumes:\n  v: {external: true, name: "${V}"}\n',
      /volume "v" has an empty name/,
      4,
    ],
    [
      'services:\n  a: {image: x}\nvolumes:\n  v: {external: true, driver: local}\n',
      /external volume "v" cannot set driver/,
      4,
    ],
    ['services:\n  a: {image: x, env_file: {path: a.env, format: yaml}}\n', /unsupported env_file format "yaml"/, 2],
    ['services:\n  a:\n    image: x\n    env_file: [{path: a.env, mode: raw}]\n', /key "env_file.mode"/, 4],
    ['services:\n  a: {image: x, stop_grace_period: soon}\n', /invalid duration/, 2],
    ['services:\n  a: {image: x, env_file: missing.env}\n', /cannot read env file/, 2],
    ['web: 1\n', /unsupported compose key/, 1],
    ['services:\n  a:\n    image: x\n    ports: !reset []\n', /unsupported YAML tag: !reset/, 4],
    ['version: "1"\nservices: {}\n', /unsupported version/, 1],
  ])('reports %#', (text, message, line) => {
    let error: unknown;
    try {
      parse(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    expect(String((error as Error).message)).toMatch(message);
    if (line !== undefined) expect((error as ComposeFileError).context.line).toBe(line);
  });

  it('reports YAML syntax errors with a line', () => {
    const run = () => parse('services:\n  a:\n    image: [x\n');
    expect(run).toThrow(ComposeFileError);
    expect(run).toThrow(/YAML syntax error/);
  });

  it('fails on missing required variables with location', () => {
    expect(() => parse('services:\n  a:\n    image: "${IMG:?set IMG}"\n')).toThrow(ComposeInterpolationError);
    expect(() => parse('services:\n  a:\n    image: "${IMG:?set IMG}"\n')).toThrow(/services\.a\.image[\s\S]*set IMG/);
  });

  it('interpolates values only and keeps $$ literal', () => {
    const m = parse('services:\n  a:\n    image: x\n    command: echo $$HOME ${WHO}\n', { WHO: 'me' });
    expect(m.services.a.command).toEqual(['echo', '$HOME', 'me']);
  });

  it('reads the version 1 format (services at the top level) with a deprecation warning', () => {
    const warnings: string[] = [];
    const text =
      'x-common: {a: 1}\ndb:\n  image: y\nweb:\n  image: x\n  links: [db]\n  net: "container:db"\nother:\n  image: x\n';
    const m = parseCompose(text, { file, env: {}, onWarning: (w) => warnings.push(w) });
    expect(Object.keys(m.services)).toEqual(['db', 'web', 'other']);
    expect(m.services.db.networkMode).toBe('bridge');
    expect(m.services.web.networkMode).toBe('service:db');
    expect(m.networks).toEqual({});
    expect(warnings).toEqual([expect.stringMatching(/version 1 format .* is deprecated/)]);
    expect(() => parse('web:\n  image: x\n  restart: sometimes\n')).toThrow(
      /docker-compose.yml:3 at services.web.restart/,
    );
  });

  it('interpolates env_file values (format env) and takes them literally with format raw', () => {
    const files = { '/proj/a.env': 'A=${WHO:-nobody}\nB="q"\nC=$A-x\n', '/proj/raw.env': 'A=${WHO:-nobody}\nB="q"\n' };
    const m = parse(
      'services:\n  a: {image: x, env_file: [a.env]}\n  r: {image: x, env_file: [{path: raw.env, format: raw}]}\n',
      { WHO: 'me' },
      files,
    );
    expect(m.services.a.environment).toEqual({ A: 'me', B: 'q', C: 'me-x' });
    expect(m.services.r.environment).toEqual({ A: '${WHO:-nobody}', B: '"q"' });
  });

  it('reads external volumes and networks, in both forms, and ignores x- keys in them', () => {
    const m = parse(
      'services:\n  a: {image: x, volumes: ["old:/o", "new:/n"]}\nvolumes:\n  old: {external: {name: legacy}}\n  new: {external: true, x-note: 1}\n',
    );
    expect(m.volumes.old).toMatchObject({ external: true, name: 'legacy' });
    expect(m.volumes.new).toMatchObject({ external: true, name: undefined });
  });

  it('ignores x- keys inside definitions but keeps them where keys are names', () => {
    const m = parse(`
services:
  web:
    image: x
    x-owner: team
    environment: {x-not-ext: "1"}
    labels: {x-label: "2"}
    healthcheck: {test: "true", x-note: 1}
    depends_on: {db: {condition: service_started, x-why: cache}}
    volumes: [{type: volume, source: data, target: /d, x-hint: fast}]
    networks: {front: {aliases: [w], x-note: 1}}
    ports: [{target: 80, x-p: 1}]
  db: {image: y}
networks:
  front: {x-driver-hint: a}
volumes:
  data: {x-backup: daily}
`);
    expect(m.services.web.environment).toEqual({ 'x-not-ext': '1' });
    expect(m.services.web.labels).toEqual({ 'x-label': '2' });
    expect(m.services.web.networks.front.aliases).toEqual(['w']);
    expect(m.services.web.volumes[0]).toMatchObject({ source: 'data', target: '/d' });
  });

  it('names the service, key, file and line of an unknown key nested in a service', () => {
    const run = () =>
      parse('services:\n  web:\n    image: x\n    healthcheck:\n      test: "true"\n      frequency: 1s\n');
    expect(run).toThrow(UnsupportedComposeKeyError);
    expect(run).toThrow(/key "healthcheck.frequency" of service "web"\n\/proj\/docker-compose.yml:6/);
  });
});

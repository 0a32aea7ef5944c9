import type { DockerClient, DockerClientRequest } from '../charm/docker-client';
import type { HookTools, JujuLogLevel, PortSpec, RelationData, StatusName } from '../hookenv';
import { formatPortSpec } from '../hookenv';
import { Endpoint } from '../endpoints';
import { action, defineHandler, hook, when, whenNot } from '../reactive';
import { MemoryUnitStore } from '../unit';
import { Charm } from './charm';
import type { CharmBundle } from './charm-bundle';
import { layerOption } from './layer-option';
import { runHook, type RunHookDeps } from './run-hook';
import { NoActiveHookError } from './runtime-errors';

/** An in-memory HookTools: one unit, a model as plain data, every call recorded. */
class MemoryTools implements HookTools {
  calls: string[] = [];
  config: Record<string, unknown> = { port: 80, token: 'tok-secret-1', mode: 'a' };
  relations: Record<
    string,
    {
      endpoint: string;
      app: string;
      units: Record<string, Record<string, string>>;
      appData: Record<string, string>;
      local: Record<string, string>;
    }
  > = {};
  status: [StatusName, string] | undefined;
  logs: Array<[JujuLogLevel, string]> = [];
  actionParams: Record<string, unknown> = {};
  actionResults: Record<string, unknown> = {};
  actionFailed: string | undefined;
  #log(call: string): void {
    this.calls.push(call);
  }
  async configGet() {
    this.#log('config-get');
    return this.config;
  }
  async relationIds(endpoint: string) {
    return Object.keys(this.relations).filter((id) => this.relations[id]?.endpoint === endpoint);
  }
  async relationList(id: string) {
    return Object.keys(this.relations[id]?.units ?? {});
  }
  async relationRemoteApp(id: string) {
    return this.relations[id]?.app ?? null;
  }
  async relationGet(id: string, target: string, options: { app?: boolean } = {}): Promise<RelationData> {
    const r = this.relations[id];
    if (r === undefined) return {};
    if (options.app === true) return target === r.app ? r.appData : {};
    return r.units[target] ?? (target === 'app/0' ? r.local : {});
  }
  async relationSet(id: string, data: RelationData) {
    this.#log(`relation-set ${id} ${JSON.stringify(data)}`);
  }
  async statusSet(status: StatusName, message: string) {
    this.status = [status, message];
  }
  async statusGet() {
    return { status: this.status?.[0] ?? 'unknown', message: this.status?.[1] ?? '', data: {} };
  }
  async openPort(spec: PortSpec) {
    this.#log(`open-port ${formatPortSpec(spec)}`);
  }
  async closePort(spec: PortSpec) {
    this.#log(`close-port ${formatPortSpec(spec)}`);
  }
  async openedPorts() {
    return [];
  }
  async unitGet() {
    return '10.0.0.1';
  }
  async networkGet() {
    return { 'bind-addresses': [], 'egress-subnets': [], 'ingress-addresses': [] };
  }
  async isLeader() {
    return true;
  }
  async leaderGet() {
    return {};
  }
  async leaderSet() {}
  async applicationVersionSet() {}
  async jujuLog(level: JujuLogLevel, message: string) {
    this.logs.push([level, message]);
  }
  async actionGet() {
    return this.actionParams;
  }
  async actionSet(results: Readonly<Record<string, unknown>>) {
    Object.assign(this.actionResults, results);
  }
  async actionFail(message: string) {
    this.actionFailed = message;
  }
  async resourceGet() {
    return '/r';
  }
  async goalState() {
    return { units: {}, relations: {} };
  }
}

const METADATA = 'name: t\nrequires:\n  db:\n    interface: kvdb\nprovides:\n  web:\n    interface: http\n';
const CONFIG =
  'options:\n  port: { type: int, default: 80 }\n  token: { type: string }\n  mode: { type: string, default: a }\n';

class KvdbRequires extends Endpoint {
  @when('endpoint.{endpoint_name}.changed.host')
  changed(): void {
    this.setFlag('{endpoint_name}.available');
  }
  @whenNot('endpoint.{endpoint_name}.joined')
  gone(): void {
    this.clearFlag('{endpoint_name}.available');
  }
}

const seen: { args?: unknown[]; hookArgs?: unknown[]; option?: unknown; flags?: string[] } = {};

class App extends Charm {
  @when('config.changed.port')
  async port(): Promise<void> {
    if (this.config.get<string>('mode') === 'explode')
      throw new Error(`port handler exploded near ${this.config.get<string>('token')}`);
    this.ports.open(this.config.get<number>('port'));
    await this.status.active('ok');
  }

  @when('db.available')
  useDb(...args: unknown[]): void {
    seen.args = args;
    this.endpoint('db').publish('client', this.hook.unitName);
    this.kv.set('used', true);
  }

  @hook('db-relation-changed')
  onDb(...args: unknown[]): void {
    seen.hookArgs = args;
  }

  @when('config.set.mode')
  option(): void {
    seen.option = layerOption('app', 'flavour');
    this.log.info(`token is ${this.config.get<string>('token')}`);
  }

  @action('greet')
  async greet(): Promise<void> {
    const p = await this.action.params();
    await this.action.set({ hello: p.who });
  }
}

const bundle: CharmBundle = {
  charmName: 't',
  modules: [
    {
      layer: 'app',
      file: 'reactive/app.ts',
      exports: { App, record: defineHandler({ id: 'app:record', whenNot: ['never'], run: () => undefined }) },
    },
  ],
  interfaces: [{ name: 'kvdb', exports: { requires: KvdbRequires } }],
  layerOptions: { app: { flavour: 'mint' } },
};

function deps(
  tools: MemoryTools,
  store: MemoryUnitStore,
  env: Record<string, string> = {},
  lines: string[] = [],
): RunHookDeps {
  return {
    env: {
      JUJU_UNIT_NAME: 'app/0',
      JUJU_CHARM_DIR: '/charm',
      JUJU_DISPATCH_PATH: 'hooks/install',
      JUJU_CONTEXT_ID: 'c',
      ...env,
    },
    tools,
    store,
    readCharmFile: (name) => (name === 'metadata.yaml' ? METADATA : name === 'config.yaml' ? CONFIG : undefined),
    logWrite: (l) => lines.push(l),
  };
}

beforeEach(() => {
  delete seen.args;
  delete seen.option;
  delete seen.hookArgs;
});

describe('runHook', () => {
  it('first hook: config flags, handlers, ports and status, commit with the config snapshot', async () => {
    const tools = new MemoryTools();
    const store = new MemoryUnitStore();
    const out = await runHook(bundle, deps(tools, store));
    expect(out).toMatchObject({ ok: true, exitCode: 0, hook: 'install', published: 0 });
    expect(out.dispatch?.invoked).toEqual([
      'interface:kvdb:requires:KvdbRequires.gone#db',
      'app:reactive/app.ts:App.port',
      'app:reactive/app.ts:App.option',
      'app:record',
    ]);
    expect(tools.calls).toEqual(['config-get', 'open-port 80/tcp']);
    expect(tools.status).toEqual(['active', 'ok']);
    expect(seen.option).toBe('mint');
    const state = store.load();
    expect(state.flags).toEqual([]);
    expect(state.config).toEqual({ port: 80, token: 'tok-secret-1', mode: 'a' });
  });

  it('passes the endpoint instance to handlers and publishes on success only', async () => {
    const tools = new MemoryTools();
    const store = new MemoryUnitStore();
    await runHook(bundle, deps(tools, store));
    tools.calls = [];
    tools.relations['db:4'] = { endpoint: 'db', app: 'kv', units: { 'kv/0': { host: 'h' } }, appData: {}, local: {} };
    const out = await runHook(
      bundle,
      deps(tools, store, {
        JUJU_DISPATCH_PATH: 'hooks/db-relation-changed',
        JUJU_RELATION_ID: 'db:4',
        JUJU_REMOTE_UNIT: 'kv/0',
      }),
    );
    expect(out.ok).toBe(true);
    expect(seen.args).toHaveLength(1);
    expect(seen.args?.[0]).toBeInstanceOf(KvdbRequires);
    expect((seen.args?.[0] as KvdbRequires).endpointName).toBe('db');
    expect(seen.hookArgs).toEqual([seen.args?.[0]]);
    expect(tools.calls).toEqual(['config-get', 'relation-set db:4 {"client":"\\"app/0\\""}']);
    expect(store.load().flags).toEqual(['db.available', 'endpoint.db.joined']);
    expect(store.load().kv.used).toBe(true);
  });

  it('a failing handler: one-line reason naming it, nothing committed or sent, secrets redacted', async () => {
    const tools = new MemoryTools();
    const store = new MemoryUnitStore();
    await runHook(bundle, deps(tools, store));
    const before = JSON.stringify(store.load());
    tools.calls = [];
    tools.config = { port: 81, token: 'tok-secret-1', mode: 'explode' };
    const lines: string[] = [];
    const out = await runHook(bundle, deps(tools, store, { JUJU_DISPATCH_PATH: 'hooks/config-changed' }, lines));
    expect(out).toMatchObject({ ok: false, exitCode: 1, hook: 'config-changed' });
    expect(out.reason).toBe('handler app:reactive/app.ts:App.port failed: port handler exploded near [REDACTED]');
    expect(JSON.stringify(store.load())).toBe(before);
    expect(tools.calls).toEqual(['config-get']);
    expect([...lines, ...tools.logs.map((l) => l[1])].join('\n')).not.toContain('tok-secret-1');
    expect(tools.logs.some(([level, m]) => level === 'ERROR' && m.includes('hook failed'))).toBe(true);
  });

  it('bad config from Juju fails before any handler and leaves the store alone', async () => {
    const tools = new MemoryTools();
    const store = new MemoryUnitStore();
    tools.config = { port: 'eighty' };
    const out = await runHook(bundle, deps(tools, store));
    expect(out.reason).toBe(
      'invalid config value: port: expected an int, got "eighty" (config.yaml declares type int)',
    );
    expect(store.load().config).toBeNull();
  });

  it('missing environment: an outcome naming the variables, no tool called', async () => {
    const tools = new MemoryTools();
    const lines: string[] = [];
    const out = await runHook(bundle, { env: {}, tools, store: new MemoryUnitStore(), logWrite: (l) => lines.push(l) });
    expect(out).toMatchObject({ ok: false, hook: '' });
    expect(out.reason).toMatch(/^hook environment incomplete: missing JUJU_UNIT_NAME, JUJU_CHARM_DIR/);
    expect(lines.join('')).toContain('rxcharm: cannot start hook: hook environment incomplete');
    expect(tools.calls).toEqual([]);
  });

  it('actions dispatch to @action handlers; unknown actions fail and are marked failed', async () => {
    const tools = new MemoryTools();
    const store = new MemoryUnitStore();
    tools.actionParams = { who: 'you' };
    const env = { JUJU_DISPATCH_PATH: 'actions/greet', JUJU_ACTION_NAME: 'greet' };
    const ok = await runHook(bundle, deps(tools, store, env));
    expect(ok).toMatchObject({ ok: true, hook: 'action:greet' });
    expect(tools.actionResults).toEqual({ hello: 'you' });
    const bad = await runHook(
      bundle,
      deps(tools, store, { JUJU_DISPATCH_PATH: 'actions/nope', JUJU_ACTION_NAME: 'nope' }),
    );
    expect(bad.reason).toBe("action not implemented: nope (no @action('nope') handler is registered)");
    expect(tools.actionFailed).toBe(bad.reason);
  });

  it('missing metadata.yaml is a clear error', async () => {
    const out = await runHook(bundle, {
      ...deps(new MemoryTools(), new MemoryUnitStore()),
      readCharmFile: () => undefined,
    });
    expect(out.reason).toBe('invalid charm file: /charm/metadata.yaml: file not found');
  });
});

describe('outside a hook', () => {
  it('Charm and layerOption refuse to work', () => {
    expect(() => new App()).toThrow(NoActiveHookError);
    expect(() => layerOption('a', 'b')).toThrow(
      'no active hook: layerOption() can only be used while rxcharm runs a hook',
    );
  });
});

describe('runHook: the Docker client door', () => {
  const DOCKER_CONFIG =
    "options:\n  docker_host: { type: string, default: '' }\n  mode: { type: string, default: a }\n";
  const used: DockerClient[] = [];

  class Docked extends Charm {
    @when('config.set.mode')
    async first(): Promise<void> {
      await this.docker.ping();
      used.push(this.docker);
    }

    @when('config.set.mode')
    second(): void {
      used.push(this.docker);
    }
  }

  const dockedBundle: CharmBundle = {
    charmName: 'd',
    modules: [{ layer: 'd', file: 'reactive/d.ts', exports: { Docked } }],
    interfaces: [],
    layerOptions: {},
  };

  /** A client that only answers pings; the runtime must pass it on untouched. */
  function pingOnly(host: string): DockerClient & { pings: number } {
    return Object.assign(Object.create(null) as DockerClient, {
      host,
      pings: 0,
      async ping(this: { pings: number }) {
        this.pings++;
      },
    });
  }

  function dockerDeps(tools: MemoryTools, docker: RunHookDeps['docker'], config = DOCKER_CONFIG): RunHookDeps {
    return {
      ...deps(tools, new MemoryUnitStore()),
      readCharmFile: (name) => (name === 'metadata.yaml' ? 'name: d\n' : name === 'config.yaml' ? config : undefined),
      docker,
    };
  }

  beforeEach(() => {
    used.length = 0;
  });

  it("asks the factory once, on first use, with the charm's docker_host, and hands every handler that client", async () => {
    const tools = new MemoryTools();
    tools.config = { docker_host: ' tcp://10.0.0.9:2375 ', mode: 'a' };
    const requests: DockerClientRequest[] = [];
    const client = pingOnly('fake');
    const out = await runHook(
      dockedBundle,
      dockerDeps(tools, (request) => {
        requests.push(request);
        return client;
      }),
    );
    expect(out.ok).toBe(true);
    expect(requests).toEqual([{ host: 'tcp://10.0.0.9:2375' }]);
    expect(used).toEqual([client, client]);
    expect(client.pings).toBe(1);
  });

  it('asks with an empty host when the charm has no docker_host option (the environment decides)', async () => {
    const tools = new MemoryTools();
    tools.config = { mode: 'a' };
    const requests: DockerClientRequest[] = [];
    const config = 'options:\n  mode: { type: string, default: a }\n';
    const out = await runHook(
      dockedBundle,
      dockerDeps(
        tools,
        (request) => {
          requests.push(request);
          return pingOnly('fake');
        },
        config,
      ),
    );
    expect(out.ok).toBe(true);
    expect(requests).toEqual([{ host: '' }]);
  });

  it('never asks for a client in a hook whose handlers do not touch Docker', async () => {
    let asked = 0;
    const out = await runHook(bundle, {
      ...deps(new MemoryTools(), new MemoryUnitStore()),
      docker: () => {
        asked++;
        return pingOnly('fake');
      },
    });
    expect(out.ok).toBe(true);
    expect(asked).toBe(0);
  });
});

import type { DockerClient } from '../../charm/docker-client';
import type { ContainerCreateSpec, ContainerDetails } from '../../charm/docker-types';
import { ComposeDependencyError } from '../errors';
import { parseCompose } from '../model/parse-compose';
import { desiredState } from './desired-state';
import { execute, inheritAnonymousVolumes } from './execute';
import { plan } from './plan';

/**
 * A scripted client: records calls; `health` yields successive health states per container name;
 * `mounts` are the mounts of existing containers (by id).
 */
function scriptedClient(
  health: Record<string, Array<ContainerDetails['health'] | 'exited'>> = {},
  mounts: Record<string, ContainerDetails['mounts']> = {},
) {
  const calls: string[] = [];
  const names = new Map<string, string>();
  let next = 0;
  const client = {
    host: 'test',
    createContainer: async (spec: ContainerCreateSpec) => {
      calls.push(`create ${spec.name}`);
      const id = `id${next++}`;
      names.set(id, spec.name);
      return id;
    },
    startContainer: async (id: string) => void calls.push(`start ${names.get(id) ?? id}`),
    stopContainer: async (id: string, t?: number) => void calls.push(`stop ${id} t=${t}`),
    removeContainer: async (id: string, o: { volumes?: boolean } = {}) =>
      void calls.push(`remove ${id}${o.volumes === true ? ' -v' : ''}`),
    removeVolume: async (name: string) => void calls.push(`remove volume ${name}`),
    connectNetwork: async (net: string, id: string) => void calls.push(`connect ${names.get(id)} ${net}`),
    createNetwork: async (spec: { name: string }) => {
      calls.push(`network ${spec.name}`);
      return 'net';
    },
    inspectContainer: async (id: string) => {
      if (!names.has(id)) {
        calls.push(`inspect ${id}`);
        return {
          id,
          name: id,
          running: true,
          state: 'running',
          exitCode: 0,
          mounts: mounts[id] ?? [],
        } as unknown as ContainerDetails;
      }
      const name = names.get(id)!;
      const state = health[name]?.shift() ?? 'healthy';
      calls.push(`inspect ${name} ${state}`);
      return {
        id,
        name,
        running: state !== 'exited',
        state: state === 'exited' ? 'exited' : 'running',
        health: state === 'exited' ? undefined : state,
        exitCode: state === 'exited' ? 1 : 0,
      } as ContainerDetails;
    },
  };
  return { client: client as unknown as DockerClient, calls };
}

const FILE = `
services:
  web:
    image: w
    depends_on: {db: {condition: service_healthy}}
    networks: [front, back]
  db:
    image: d
    stop_grace_period: 3s
    healthcheck: {test: "true"}
    networks: [back]
networks: {front: {}, back: {}}
`;

function setup(text = FILE) {
  const d = desiredState(parseCompose(text, { file: '/p/c.yml', env: {} }), {
    project: 'p',
    configFiles: [],
    imageIds: { w: 'sha256:w', d: 'sha256:d' },
  });
  return { d, actions: plan(d, { containers: [], networks: [], volumes: [], images: {} }) };
}

describe('execute', () => {
  it('creates networks, then the dependency, waits until healthy, then the dependent', async () => {
    const { d, actions } = setup();
    const { client, calls } = scriptedClient({ p_db_1: ['starting', 'starting', 'healthy'] });
    const sleeps: number[] = [];
    await execute(actions, d, client, { sleep: async (ms) => void sleeps.push(ms), pollMs: 100 });
    expect(calls).toEqual([
      'network p_front',
      'network p_back',
      'create p_db_1',
      'start p_db_1',
      'inspect p_db_1 starting',
      'inspect p_db_1 starting',
      'inspect p_db_1 healthy',
      'create p_web_1',
      'connect p_web_1 p_back',
      'start p_web_1',
    ]);
    expect(sleeps).toEqual([100, 100]);
  });

  it('fails with ComposeDependencyError and does not create the dependent when unhealthy', async () => {
    const { d, actions } = setup();
    const { client, calls } = scriptedClient({ p_db_1: ['starting', 'unhealthy'] });
    await expect(execute(actions, d, client, { sleep: async () => {} })).rejects.toThrow(ComposeDependencyError);
    expect(calls).not.toContain('create p_web_1');
  });

  it('times out waiting for a dependency', async () => {
    const { d, actions } = setup();
    const { client } = scriptedClient({ p_db_1: Array(10).fill('starting') });
    await expect(
      execute(actions, d, client, { sleep: async () => {}, pollMs: 100, dependencyTimeoutMs: 300 }),
    ).rejects.toThrow(/timeout after 300 ms/);
  });

  it('makes no call at all for a plan of leave actions', async () => {
    const { d } = setup('services:\n  a: {image: w}\n');
    const { client, calls } = scriptedClient();
    await execute(
      [{ kind: 'leave', service: 'a', number: 1, name: 'p_a_1', containerId: 'x', reason: 'up to date and running' }],
      d,
      client,
    );
    expect(calls).toEqual([]);
  });

  it('recreates as stop (service grace period), remove, create, start; removes orphans and scales down with their anonymous volumes', async () => {
    const { d } = setup('services:\n  a: {image: w, stop_grace_period: 2s}\n');
    const inherited = 'b'.repeat(64);
    const { client, calls } = scriptedClient(
      {},
      {
        o1: [
          { type: 'volume', name: inherited, source: `/v/${inherited}`, target: '/data', readOnly: false },
          { type: 'volume', name: 'p_named', source: '/v/p_named', target: '/named', readOnly: false },
          { type: 'bind', source: '/srv', target: '/srv', readOnly: true },
        ],
      },
    );
    await execute(
      [
        { kind: 'remove-orphan', service: 'gone', number: 1, name: 'p_gone_1', containerId: 'o1', reason: 'orphan' },
        { kind: 'recreate', service: 'a', number: 1, name: 'p_a_1', containerId: 'old', reason: 'config changed' },
        { kind: 'scale-down', service: 'a', number: 2, name: 'p_a_2', containerId: 'two', reason: 'scale is 1' },
      ],
      d,
      client,
    );
    // The orphan's anonymous volume (inherited through an earlier recreate, so mounted by name) goes too; named ones stay.
    expect(calls.slice(0, 4)).toEqual(['inspect o1', 'stop o1 t=10', 'remove o1 -v', `remove volume ${inherited}`]);
    const rest = calls.slice(4);
    expect(rest.filter((c) => /old|p_a_1/.test(c))).toEqual([
      'inspect old',
      'stop old t=2',
      'remove old',
      'create p_a_1',
      'start p_a_1',
    ]);
    expect(rest.filter((c) => c.includes('two'))).toEqual(['inspect two', 'stop two t=2', 'remove two -v']);
  });
});

describe('inheritAnonymousVolumes', () => {
  const anon = 'a'.repeat(64);
  it('reattaches anonymous volumes at the same path and keeps named ones and binds from the template', () => {
    const out = inheritAnonymousVolumes(
      [
        { type: 'volume', target: '/anon', readOnly: false },
        { type: 'volume', source: 'p_data', target: '/data', readOnly: false },
        { type: 'bind', source: '/host', target: '/b', readOnly: true },
      ],
      [
        { type: 'volume', name: anon, source: '/var/lib/docker/volumes/x', target: '/anon', readOnly: false },
        { type: 'volume', name: 'b'.repeat(64), source: '/v', target: '/image-volume', readOnly: false },
        { type: 'volume', name: 'p_data', source: '/v2', target: '/data', readOnly: false },
        { type: 'bind', source: '/host', target: '/b', readOnly: true },
      ],
    );
    expect(out).toEqual([
      { type: 'volume', source: anon, target: '/anon', readOnly: false },
      { type: 'volume', source: 'p_data', target: '/data', readOnly: false },
      { type: 'bind', source: '/host', target: '/b', readOnly: true },
      { type: 'volume', source: 'b'.repeat(64), target: '/image-volume', readOnly: false },
    ]);
  });
});

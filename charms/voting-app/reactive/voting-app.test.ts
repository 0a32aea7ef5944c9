/**
 * The voting-app charm's handlers in the in-process harness (simulated Juju and Docker): which
 * formation each input yields, and that hooks without new input do no Docker writes.
 */
import * as path from 'node:path';
import { parse } from 'yaml';
import {
  Context,
  relationChanged,
  relationBroken,
  relationDeparted,
  relationJoined,
  type RunOutput,
  type State,
} from 'rxcharm/testing';

const ctx = new Context(path.join(__dirname, '..'));
const COMPOSE = 'files/voting-app/docker-compose.yml';

function compose(out: RunOutput): {
  services: Record<string, { image: string; environment?: Record<string, string>; ports?: string[] }>;
} {
  return parse(out.state.files[COMPOSE] ?? '') as never;
}

const writes = (out: RunOutput) => out.dockerActions.length;

let warn: jest.SpyInstance;
beforeAll(() => {
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterAll(() => warn.mockRestore());

describe('voting-app handlers', () => {
  let standalone: State;

  it('renders and starts the standalone formation on install', async () => {
    const out = await ctx.run('install', { leader: true });
    expect(Object.keys(compose(out).services).sort()).toEqual(['db', 'redis', 'result', 'vote', 'worker']);
    expect(compose(out).services.vote.ports).toEqual(['5000:80']);
    expect(compose(out).services.vote.image).toBe('dockersamples/examplevotingapp_vote');
    expect(writes(out)).toBeGreaterThan(0);
    expect(out.state.openedPorts).toEqual(['5000/tcp', '5001/tcp']);
    expect(out.state.status).toMatchObject({
      status: 'active',
      message: expect.stringContaining('Ready to vote on port 5000'),
    });
    expect(out.statusHistory.map((s) => s.status)).toEqual(['active']);
    standalone = out.state;
  });

  it('does no Docker writes and keeps its status on update-status', async () => {
    const out = await ctx.run('update-status', standalone);
    expect(writes(out)).toBe(0);
    expect(out.invoked.some((id) => id.includes('VotingApp.converge'))).toBe(false);
    expect(out.state.status).toEqual(standalone.status);
  });

  it('re-renders but does not re-up on a config-changed hook that changes nothing', async () => {
    const out = await ctx.run('config-changed', standalone);
    expect(out.invoked.some((id) => id.includes('VotingApp.converge'))).toBe(true);
    expect(writes(out)).toBe(0);
  });

  it('beyond the leader, runs nothing without both external services and says how to scale', async () => {
    const follower = await ctx.run('install', { leader: false });
    expect(writes(follower)).toBe(0);
    expect(follower.state.openedPorts).toEqual([]);
    expect(follower.state.status).toEqual({
      status: 'blocked',
      message: 'Relate redis and postgresql to scale out: only the leader runs a bundled data tier',
    });
    // Leadership moves here: the unit converges to the standalone formation.
    const elected = await ctx.run('leader-elected', { ...follower.state, leader: true });
    expect(Object.keys(compose(elected).services).sort()).toEqual(['db', 'redis', 'result', 'vote', 'worker']);
    expect(elected.state.status.status).toBe('active');
    // And away again: the project goes down (its volumes stay), nothing is split.
    const demoted = await ctx.run('leader-settings-changed', { ...elected.state, leader: false });
    expect(demoted.dockerActions.some((a) => a.method === 'removeContainer')).toBe(true);
    expect(demoted.dockerActions.some((a) => a.method === 'removeVolume')).toBe(false);
    expect(demoted.state.status.status).toBe('blocked');
  });

  it('swaps in a related redis and brings the container back when it departs', async () => {
    const redis = {
      endpoint: 'redis',
      id: 7,
      remoteApp: 'redis',
      remoteUnits: { 'redis/0': { host: '10.0.0.7', port: '6379' } },
    };
    const joined = await ctx.run(relationJoined('redis', 'redis/0'), { ...standalone, relations: [redis] });
    const env = compose(joined).services.vote.environment;
    expect(Object.keys(compose(joined).services).sort()).toEqual(['db', 'result', 'vote', 'worker']);
    expect(env).toMatchObject({ REDIS_HOST: '10.0.0.7', REDIS_PORT: '6379' });
    const departed = await ctx.run(relationDeparted('redis', 'redis/0'), joined.state);
    expect(Object.keys(compose(departed).services).sort()).toEqual(['db', 'redis', 'result', 'vote', 'worker']);
  });

  it('brings nothing up when the relation breaks because the unit itself is dying', async () => {
    const redis = { endpoint: 'redis', id: 7, remoteApp: 'redis', remoteUnits: {} };
    const joined = await ctx.run(relationJoined('redis', 'redis/0'), {
      ...standalone,
      relations: [{ ...redis, remoteUnits: { 'redis/0': { host: '10.0.0.7', port: '6379' } } }],
    });
    const dying = await ctx.run(relationBroken('redis'), { ...joined.state, relations: [redis], dying: true });
    expect(writes(dying)).toBe(0);
    expect(dying.state.files[COMPOSE]).toBe(joined.state.files[COMPOSE]);
    expect(dying.state.flags).toContain('voting-app.stopped');
    const unrelated = await ctx.run(relationBroken('redis'), { ...joined.state, relations: [redis] });
    expect(Object.keys(compose(unrelated).services)).toContain('redis');
  });

  it('waits, without swapping, while a related postgres has not granted access', async () => {
    const pg = {
      endpoint: 'postgres',
      id: 3,
      remoteApp: 'postgresql',
      remoteUnits: {
        'postgresql/0': {
          host: 'h',
          port: '5432',
          database: 'd',
          user: 'u',
          password: 'p',
          'allowed-units': 'someone-else/0',
        },
      },
    };
    const out = await ctx.run(relationChanged('postgres', 'postgresql/0'), { ...standalone, relations: [pg] });
    expect(Object.keys(compose(out).services)).toContain('db');
    expect(out.state.status).toMatchObject({
      status: 'waiting',
      message: expect.stringContaining('waiting for postgres database credentials'),
    });
  });

  it('takes the project down on stop (containers, network) and keeps it down', async () => {
    const project = (labels: Readonly<Record<string, string>>): boolean =>
      labels['com.docker.compose.project'] === 'voting-app-0';
    expect(standalone.docker.containers.filter((c) => project(c.labels))).toHaveLength(5);
    expect(standalone.docker.networks.filter((n) => project(n.labels))).toHaveLength(1);
    const stopped = await ctx.run('stop', standalone);
    expect(stopped.state.docker.containers.filter((c) => project(c.labels))).toEqual([]);
    expect(stopped.state.docker.networks.filter((n) => project(n.labels))).toEqual([]);
    expect(stopped.state.flags).toContain('voting-app.stopped');
    // A config change while stopping must not bring the project back.
    const changed = await ctx.run('config-changed', { ...stopped.state, config: { vote_port: 5050 } });
    expect(changed.state.docker.containers.filter((c) => project(c.labels))).toEqual([]);
    // The compose file declares no named volume; one left by an earlier formation goes on remove.
    const volume = { name: 'voting-app-0_data', labels: { 'com.docker.compose.project': 'voting-app-0' } };
    const removed = await ctx.run('remove', {
      ...changed.state,
      docker: { ...changed.state.docker, volumes: [volume] },
    });
    expect(removed.state.docker.volumes.filter((v) => project(v.labels))).toEqual([]);
    expect(removed.state.files[COMPOSE]).toBeUndefined();
  });

  it('is blocked, naming the image, when one cannot be pulled; update-status keeps saying so; a fix recovers', async () => {
    const before = {
      ...standalone,
      config: { result_image: 'nowhere/result:1' },
      docker: { ...standalone.docker, unpullable: ['nowhere/result:1'] },
    };
    const out = await ctx.run('config-changed', before);
    expect(out.state.status).toEqual({
      status: 'blocked',
      message: expect.stringMatching(/^Cannot pull image nowhere\/result:1 \(pull access denied/),
    });
    expect(out.dockerActions.map((a) => a.method)).toEqual(['pullImage']); // the running formation is left as it was
    const later = await ctx.run('update-status', out.state);
    expect(later.state.status).toEqual(out.state.status);
    const fixed = await ctx.run('config-changed', { ...later.state, config: {} });
    expect(fixed.state.status).toMatchObject({ status: 'active' });
  });

  it('waits, with docker.available cleared, when the daemon stops answering mid-converge', async () => {
    const out = await ctx.run('config-changed', {
      ...standalone,
      config: { vote_port: 5050 },
      docker: { ...standalone.docker, available: false },
    });
    expect(out.state.flags).not.toContain('docker.available');
    expect(out.state.status).toMatchObject({ status: 'waiting' });
  });

  it('is blocked, naming the option, on an invalid port', async () => {
    const out = await ctx.run('config-changed', { ...standalone, config: { vote_port: 0 } });
    expect(out.state.status).toEqual({
      status: 'blocked',
      message: expect.stringContaining('vote_port must be a TCP port between 1 and 65535'),
    });
    expect(writes(out)).toBe(0);
  });
});

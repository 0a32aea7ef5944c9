/**
 * The voting-app charm on the real Docker daemon, driven hook by hook under the fake hook tools:
 * standalone → relate redis → relate postgres → depart redis → port change → image change,
 * checking containers, their environment, published ports, opened ports and status each time.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { dockerAvailable } from '../../support';
import { VotingAppUnderTest, freePort, type ContainerView } from './charm-harness';

const IMAGES = [
  'rxcharm/vote:latest',
  'rxcharm/worker:latest',
  'rxcharm/result:latest',
  'rxcharm/redis:latest',
  'rxcharm/postgres:latest',
];
const imagesPresent =
  dockerAvailable() &&
  IMAGES.every((ref) => {
    try {
      execFileSync('docker', ['image', 'inspect', ref], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });

/** Letters only: a valid Juju application name, unique per run. */
const APP = `voting-app-${[...randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;
const UNIT = `${APP}/0`;
const ALT_RESULT_IMAGE = `rxcharm-test/result-alt:${APP}`;

function services(containers: Record<string, ContainerView>): string[] {
  return Object.keys(containers).sort();
}

/** GET a URL until it answers 200 or `attempts` run out; the body, or the last error. */
async function getWhenUp(url: string, attempts = 40): Promise<string> {
  let last: unknown;
  for (let i = 0; i < attempts; i++) {
    try {
      const response = await fetch(url);
      if (response.status === 200) return await response.text();
      last = new Error(`HTTP ${response.status}`);
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw last;
}

const describeDocker = imagesPresent ? describe : describe.skip;

describeDocker('voting-app charm (layer:docker, rxcharm/* workload images, fake hook tools)', () => {
  let charm: VotingAppUnderTest;
  let votePort: number;
  let resultPort: number;
  let warn: jest.SpyInstance;

  beforeAll(async () => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    votePort = await freePort();
    resultPort = await freePort();
    execFileSync('docker', ['tag', 'rxcharm/result:latest', ALT_RESULT_IMAGE]);
    charm = await VotingAppUnderTest.create(APP, {
      vote_image: 'rxcharm/vote:latest',
      worker_image: 'rxcharm/worker:latest',
      result_image: 'rxcharm/result:latest',
      redis_image: 'rxcharm/redis:latest',
      postgres_image: 'rxcharm/postgres:latest',
      vote_port: votePort,
      result_port: resultPort,
    });
  });

  afterAll(() => {
    charm?.dispose([ALT_RESULT_IMAGE]);
    warn.mockRestore();
  });

  let before: Record<string, ContainerView> = {};

  it('runs the standalone formation after install', async () => {
    for (const hook of ['install', 'leader-elected', 'config-changed', 'start']) await charm.hook(hook);
    const now = await charm.containers();
    expect(services(now)).toEqual(['db', 'redis', 'result', 'vote', 'worker']);
    for (const c of Object.values(now)) {
      expect(c.running).toBe(true);
      expect(c.init).toBe(true);
    }
    expect(now.vote.env).toMatchObject({ REDIS_HOST: 'redis', REDIS_PORT: '6379' });
    expect(now.vote.env.REDIS_PASSWORD).toBeUndefined();
    expect(now.worker.env).toMatchObject({
      REDIS_HOST: 'redis',
      PG_HOST: 'db',
      PG_PORT: '5432',
      PG_USER: 'postgres',
      PG_DB: 'postgres',
    });
    expect(now.worker.env.PG_PASS).toBe(now.db.env.POSTGRES_PASSWORD);
    expect(now.worker.env.PG_PASS.length).toBeGreaterThanOrEqual(20);
    expect(now.vote.published80).toEqual([String(votePort)]);
    expect(now.result.published80).toEqual([String(resultPort)]);
    expect(charm.juju.ports()).toEqual([`${votePort}/tcp`, `${resultPort}/tcp`].sort());
    expect(charm.juju.status()).toEqual({
      status: 'active',
      message: expect.stringContaining(
        `Ready to vote on port ${votePort}, results on port ${resultPort} (bundled redis, bundled postgres)`,
      ),
    });
    // The published ports reach the real workload.
    expect(JSON.parse(await getWhenUp(`http://127.0.0.1:${votePort}/healthz`))).toEqual({ status: 'ok' });
    expect(JSON.parse(await getWhenUp(`http://127.0.0.1:${resultPort}/healthz`))).toEqual({ status: 'ok' });
    before = now;
  });

  it('does nothing on a hook with no new input, and keeps its status message', async () => {
    const status = charm.juju.status();
    const run = await charm.hook('update-status');
    const statusSets = run.calls.filter((c) => c.tool === 'status-set').map((c) => c.args[0]);
    expect(statusSets).not.toContain('maintenance'); // no render, no compose up
    expect(charm.juju.status()).toEqual(status);
    const now = await charm.containers();
    expect(Object.fromEntries(Object.entries(now).map(([k, c]) => [k, c.id]))).toEqual(
      Object.fromEntries(Object.entries(before).map(([k, c]) => [k, c.id])),
    );
  });

  it('publishes the vote and result ports to http consumers', async () => {
    const voting = charm.juju.addRelation('voting', 'haproxy');
    charm.juju.addRemoteUnit(voting, 'haproxy/0', {});
    await charm.hook('voting-relation-joined', { relationId: voting, remoteUnit: 'haproxy/0' });
    expect(charm.juju.published(voting)).toMatchObject({ port: String(votePort) });
    const results = charm.juju.addRelation('results', 'haproxy');
    charm.juju.addRemoteUnit(results, 'haproxy/0', {});
    await charm.hook('results-relation-joined', { relationId: results, remoteUnit: 'haproxy/0' });
    expect(charm.juju.published(results)).toMatchObject({ port: String(resultPort) });
  });

  let redisRelation = '';

  it('replaces the redis container with a related redis', async () => {
    redisRelation = charm.juju.addRelation('redis', 'redis');
    charm.juju.addRemoteUnit(redisRelation, 'redis/0', { 'private-address': '10.20.0.7' });
    await charm.hook('redis-relation-joined', { relationId: redisRelation, remoteUnit: 'redis/0' });
    expect(charm.juju.status().status).toBe('waiting');
    expect(services(await charm.containers())).toEqual(['db', 'redis', 'result', 'vote', 'worker']);

    charm.juju.setRemoteData(redisRelation, 'redis/0', {
      'private-address': '10.20.0.7',
      host: '10.20.0.7',
      port: '6380',
      password: 's3cret',
    });
    await charm.hook('redis-relation-changed', { relationId: redisRelation, remoteUnit: 'redis/0' });
    const now = await charm.containers();
    expect(services(now)).toEqual(['db', 'result', 'vote', 'worker']);
    expect(now.vote.env).toMatchObject({ REDIS_HOST: '10.20.0.7', REDIS_PORT: '6380', REDIS_PASSWORD: 's3cret' });
    expect(now.worker.env).toMatchObject({
      REDIS_HOST: '10.20.0.7',
      REDIS_PORT: '6380',
      REDIS_PASSWORD: 's3cret',
      PG_HOST: 'db',
    });
    expect(now.result.id).toBe(before.result.id); // unchanged services are left alone
    expect(now.db.id).toBe(before.db.id);
    expect(charm.juju.status()).toEqual({
      status: 'active',
      message: expect.stringContaining('external redis 10.20.0.7:6380, bundled postgres'),
    });
    before = now;
  });

  let pgRelation = '';

  it('replaces the db container with a related postgresql', async () => {
    pgRelation = charm.juju.addRelation('postgres', 'postgresql');
    charm.juju.addRemoteUnit(pgRelation, 'postgresql/0', { 'private-address': '10.20.0.8' });
    await charm.hook('postgres-relation-joined', { relationId: pgRelation, remoteUnit: 'postgresql/0' });
    expect(services(await charm.containers())).toEqual(['db', 'result', 'vote', 'worker']);
    charm.juju.setRemoteData(pgRelation, 'postgresql/0', {
      'private-address': '10.20.0.8',
      host: '10.20.0.8',
      port: '5433',
      database: 'votes',
      user: 'voter',
      password: 'pg pass',
      'allowed-units': UNIT,
      state: 'standalone',
    });
    await charm.hook('postgres-relation-changed', { relationId: pgRelation, remoteUnit: 'postgresql/0' });
    const now = await charm.containers();
    expect(services(now)).toEqual(['result', 'vote', 'worker']);
    const pg = { PG_HOST: '10.20.0.8', PG_PORT: '5433', PG_USER: 'voter', PG_PASS: 'pg pass', PG_DB: 'votes' };
    expect(now.worker.env).toMatchObject({ ...pg, REDIS_HOST: '10.20.0.7' });
    expect(now.result.env).toMatchObject(pg);
    expect(now.vote.id).toBe(before.vote.id);
    expect(charm.juju.status()).toEqual({
      status: 'active',
      message: expect.stringContaining('external redis 10.20.0.7:6380, external postgres 10.20.0.8:5433/votes'),
    });
    before = now;
  });

  it('brings the redis container back when the redis relation departs and breaks', async () => {
    charm.juju.removeRemoteUnit(redisRelation, 'redis/0');
    await charm.hook('redis-relation-departed', {
      relationId: redisRelation,
      remoteUnit: 'redis/0',
      departingUnit: 'redis/0',
    });
    let now = await charm.containers();
    expect(services(now)).toEqual(['redis', 'result', 'vote', 'worker']);
    expect(now.vote.env).toMatchObject({ REDIS_HOST: 'redis', REDIS_PORT: '6379' });
    expect(now.vote.env.REDIS_PASSWORD).toBeUndefined();
    charm.juju.breakRelation(redisRelation);
    await charm.hook('redis-relation-broken', { relationId: redisRelation });
    charm.juju.removeRelation(redisRelation);
    now = await charm.containers();
    expect(services(now)).toEqual(['redis', 'result', 'vote', 'worker']);
    expect(charm.juju.status()).toEqual({
      status: 'active',
      message: expect.stringContaining('bundled redis, external postgres'),
    });
    before = now;
  });

  it('moves the published ports on a port change', async () => {
    const newVotePort = await freePort();
    charm.juju.setConfig({ vote_port: newVotePort });
    await charm.hook('config-changed');
    const now = await charm.containers();
    expect(now.vote.published80).toEqual([String(newVotePort)]);
    expect(now.vote.id).not.toBe(before.vote.id);
    expect(now.result.id).toBe(before.result.id);
    expect(charm.juju.ports()).toEqual([`${newVotePort}/tcp`, `${resultPort}/tcp`].sort());
    const voting = charm.juju.model().relations.find((r) => r.endpoint === 'voting');
    expect(voting?.local.unit.port).toBe(String(newVotePort));
    expect(charm.juju.status().message).toContain(`Ready to vote on port ${newVotePort}`);
    votePort = newVotePort;
    before = now;
  });

  it('recreates only the service whose image changed', async () => {
    charm.juju.setConfig({ result_image: ALT_RESULT_IMAGE });
    await charm.hook('config-changed');
    const now = await charm.containers();
    expect(now.result.image).toBe(ALT_RESULT_IMAGE);
    expect(now.result.id).not.toBe(before.result.id);
    for (const service of ['vote', 'worker', 'redis']) expect(now[service].id).toBe(before[service].id);
    before = now;
  });

  it('blocks on an invalid port, naming the option, and keeps the app running', async () => {
    charm.juju.setConfig({ result_port: 70000 });
    await charm.hook('config-changed');
    expect(charm.juju.status()).toEqual({
      status: 'blocked',
      message: expect.stringContaining('result_port must be a TCP port'),
    });
    const now = await charm.containers();
    expect(now.result.id).toBe(before.result.id);
  });

  it('takes the whole project down on stop, stays down, and removes its workspace on remove', async () => {
    expect((await charm.networks()).length).toBe(1);
    await charm.hook('stop');
    expect(await charm.containers()).toEqual({});
    expect(await charm.networks()).toEqual([]);
    charm.juju.setConfig({ result_port: resultPort });
    await charm.hook('config-changed'); // an input while stopping must not bring it back
    expect(await charm.containers()).toEqual({});
    await charm.hook('remove');
    expect(await charm.containers()).toEqual({});
    expect(await charm.networks()).toEqual([]);
    expect(existsSync(join(charm.charmDir, 'files', 'voting-app'))).toBe(false);
  });
});

/**
 * Several voting-app units on one data tier, for real: three worker containers consume one Redis
 * queue while votes flow in; one worker is killed (SIGKILL, no clean-up) and another stopped
 * (SIGTERM) under load, and entries a dead worker left on its processing list are picked up. Every
 * vote ends up in Postgres exactly once.
 */
import path from 'node:path';
import type Docker from 'dockerode';
import { RedisConnection } from '../../../charms/voting-app/workload/shared/redis-client';
import {
  buildImages,
  cleanup,
  createNetwork,
  eventually,
  hostPort,
  logsOf,
  newRun,
  runContainer,
  stopAndExitCode,
  type RunContext,
} from '../images/support/docker';

jest.setTimeout(300_000);

const REPO = path.resolve(__dirname, '../../..');
const VOTES = 300;
const pg = { PG_USER: 'app', PG_PASS: 'app-pw', PG_DB: 'votes' };

let run: RunContext;

beforeAll(
  async () => {
    run = newRun();
    await buildImages(REPO, ['redis', 'postgres', 'vote', 'worker', 'result']);
  },
  20 * 60 * 1000,
);

afterAll(async () => {
  await cleanup(run);
}, 120_000);

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

it('counts every vote once while workers are killed and stopped under load', async () => {
  const network = await createNetwork(run, 'scale');
  const redis = await runContainer(run, {
    name: 'redis',
    image: 'rxcharm/redis',
    network,
    aliases: ['redis'],
    publish: [6379],
  });
  await runContainer(run, {
    name: 'db',
    image: 'rxcharm/postgres',
    network,
    aliases: ['db'],
    env: { POSTGRES_USER: pg.PG_USER, POSTGRES_PASSWORD: pg.PG_PASS, POSTGRES_DB: pg.PG_DB },
  });
  const redisPort = await hostPort(redis, 6379);
  const conn = await eventually(() => RedisConnection.open({ host: '127.0.0.1', port: redisPort }));
  try {
    // A worker that died before this test left two ballots on its processing list, and no
    // liveness key: the new workers must put them back in the queue.
    for (const voter of ['ghost-1', 'ghost-2'])
      await conn.command(['RPUSH', 'votes:processing:ghost', JSON.stringify({ voter_id: voter, vote: 'b' })]);

    const workers: Docker.Container[] = [];
    for (const name of ['worker-1', 'worker-2', 'worker-3'])
      workers.push(await runContainer(run, { name, image: 'rxcharm/worker', network, env: pg }));
    const vote = await runContainer(run, { name: 'vote', image: 'rxcharm/vote', network, publish: [80] });
    const result = await runContainer(run, {
      name: 'result',
      image: 'rxcharm/result',
      network,
      publish: [80],
      env: pg,
    });
    const voteUrl = `http://127.0.0.1:${await hostPort(vote, 80)}`;
    const resultUrl = `http://127.0.0.1:${await hostPort(result, 80)}`;
    await eventually(async () => expect((await fetch(`${voteUrl}/healthz`)).status).toBe(200));

    const cast = async (i: number): Promise<void> => {
      const res = await fetch(`${voteUrl}/vote`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ voter_id: `voter-${i}`, vote: i % 3 === 0 ? 'b' : 'a' }),
      });
      expect(res.status).toBe(201);
    };
    // Ten clients at a time; the first worker is killed a third of the way in, the second
    // stopped two thirds in, while ballots are in flight.
    let next = 0;
    const client = async (): Promise<void> => {
      while (next < VOTES) {
        const i = next;
        next += 1;
        await cast(i);
        if (i === VOTES / 3) await workers[0]!.kill({ signal: 'SIGKILL' });
        if (i === (2 * VOTES) / 3) void stopAndExitCode(workers[1]!);
        if (i % 20 === 0) await sleep(5);
      }
    };
    await Promise.all(Array.from({ length: 10 }, client));

    const expected = { a: VOTES - VOTES / 3, b: VOTES / 3 + 2, total: VOTES + 2 };
    try {
      // The killed worker's liveness key expires before its leftovers are recovered.
      await eventually(async () => {
        const res = await fetch(`${resultUrl}/api/results`);
        expect(await res.json()).toEqual(expected);
      }, 90_000);
    } catch (error) {
      const logs = await Promise.all(workers.map((w) => logsOf(w)));
      throw new Error(`${String(error)}\n--- worker logs ---\n${logs.join('\n---\n').slice(-6000)}`);
    }
    // Nothing is left behind: the queue and every processing list are empty.
    await eventually(async () => {
      const keys = await conn.command(['KEYS', 'votes*']);
      const names = keys.kind === 'array' ? (keys.value ?? []).map((k) => (k.kind === 'bulk' ? k.value : '')) : [];
      const lists: string[] = [];
      for (const name of names) {
        if (!name || name.startsWith('votes:worker:')) continue;
        const len = await conn.command(['LLEN', name]);
        if (len.kind === 'integer' && len.value > 0) lists.push(`${name}=${len.value}`);
      }
      expect(lists).toEqual([]);
    }, 30_000);

    // A ballot delivered again late (its worker died before acknowledging it) does not overwrite
    // the voter's newer choice: voter-0 voted b through vote; an older a for them comes back.
    const stale = JSON.stringify({ voter_id: 'voter-0', vote: 'a', cast_at: 1 });
    await conn.command(['RPUSH', 'votes:processing:ghost-2', stale]);
    await cast(VOTES); // one more ballot (for b), after the stale one is back in the queue
    await eventually(async () => {
      const res = await fetch(`${resultUrl}/api/results`);
      expect(await res.json()).toEqual({ a: expected.a, b: expected.b + 1, total: expected.total + 1 });
      const left = await conn.command(['LLEN', 'votes:processing:ghost-2']);
      expect(left).toEqual({ kind: 'integer', value: 0 });
    }, 60_000);
    expect(await stopAndExitCode(workers[2]!)).toBe(0);
  } finally {
    conn.close();
  }
});

/**
 * The local images, for real: built through scripts/images/build-images.sh, then each one run on
 * the daemon and exercised over the network the way the charm uses it.
 */
import path from 'node:path';
import { Client } from 'pg';
import { RedisConnection } from '../../../charms/voting-app/workload/shared/redis-client';
import {
  buildImages,
  cleanup,
  createNetwork,
  eventually,
  hostPort,
  imageInfo,
  logsOf,
  newRun,
  runContainer,
  stopAndExitCode,
  type RunContext,
} from './support/docker';

jest.setTimeout(300_000);

const REPO = path.resolve(__dirname, '../../..');
const IMAGES = ['busybox', 'redis', 'postgres', 'node', 'vote', 'worker', 'result'];

let run: RunContext;

beforeAll(
  async () => {
    run = newRun();
    await buildImages(REPO);
  },
  20 * 60 * 1000,
);

afterAll(async () => {
  await cleanup(run);
}, 120_000);

describe('build-images.sh', () => {
  it('labels every image with the hash of its inputs', async () => {
    for (const name of IMAGES) {
      const info = await imageInfo(`rxcharm/${name}`);
      expect(info.sha).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('is idempotent: a second run rebuilds nothing', async () => {
    const before = await Promise.all(IMAGES.map((n) => imageInfo(`rxcharm/${n}`)));
    const log = await buildImages(REPO);
    const after = await Promise.all(IMAGES.map((n) => imageInfo(`rxcharm/${n}`)));
    expect(after.map((i) => i.id)).toEqual(before.map((i) => i.id));
    for (const name of IMAGES) expect(log).toContain(`rxcharm/${name} is up to date`);
    expect(log).not.toContain('building');
  }, 300_000);

  it('rejects an unknown image name, listing the known ones', async () => {
    await expect(buildImages(REPO, ['nginx'])).rejects.toMatchObject({
      stderr: expect.stringContaining(
        "unknown image 'nginx'; known images: busybox redis postgres node haproxy vote worker result",
      ),
    });
  });
});

describe('rxcharm/busybox', () => {
  it('runs a shell command', async () => {
    const c = await runContainer(run, {
      name: 'bb',
      image: 'rxcharm/busybox',
      cmd: ['sh', '-c', 'echo hello from $0'],
    });
    const result = (await c.wait()) as { StatusCode: number };
    expect(result.StatusCode).toBe(0);
    expect(await logsOf(c)).toContain('hello from sh');
  });
});

describe('rxcharm/redis', () => {
  it('answers PING from the host through a published port without a password', async () => {
    const c = await runContainer(run, { name: 'redis-open', image: 'rxcharm/redis', publish: [6379] });
    const port = await hostPort(c, 6379);
    const conn = await eventually(() => RedisConnection.open({ host: '127.0.0.1', port }));
    try {
      expect(await conn.command(['PING'])).toEqual({ kind: 'simple', value: 'PONG' });
      await conn.command(['RPUSH', 'k', 'v']);
      expect(await conn.command(['LPOP', 'k'])).toEqual({ kind: 'bulk', value: 'v' });
    } finally {
      conn.close();
    }
    expect(await stopAndExitCode(c)).toBe(0);
  });

  it('requires REDIS_PASSWORD when set', async () => {
    const c = await runContainer(run, {
      name: 'redis-auth',
      image: 'rxcharm/redis',
      publish: [6379],
      env: { REDIS_PASSWORD: 'p@ss word' },
    });
    const port = await hostPort(c, 6379);
    await eventually(async () => {
      const conn = await RedisConnection.open({ host: '127.0.0.1', port, password: 'p@ss word' });
      try {
        expect(await conn.command(['PING'])).toEqual({ kind: 'simple', value: 'PONG' });
      } finally {
        conn.close();
      }
    });
    await expect(RedisConnection.open({ host: '127.0.0.1', port })).rejects.toThrow(/NOAUTH/);
    await expect(RedisConnection.open({ host: '127.0.0.1', port, password: 'wrong' })).rejects.toThrow(
      /WRONGPASS|invalid password/,
    );
  });
});

describe('rxcharm/postgres', () => {
  const env = { POSTGRES_USER: 'voter', POSTGRES_PASSWORD: 'pa ss\'w"d', POSTGRES_DB: 'ballots' };

  it('initialises user and database and accepts password logins from the host and other containers', async () => {
    const network = await createNetwork(run, 'pg');
    const db = await runContainer(run, {
      name: 'pg',
      image: 'rxcharm/postgres',
      network,
      aliases: ['db'],
      publish: [5432],
      env,
    });
    const port = await hostPort(db, 5432);
    const connect = async (password: string): Promise<Client> => {
      const client = new Client({ host: '127.0.0.1', port, user: 'voter', password, database: 'ballots' });
      try {
        await client.connect();
      } catch (error) {
        await client.end().catch(() => undefined);
        throw error;
      }
      return client;
    };
    const client = await eventually(() => connect(env.POSTGRES_PASSWORD), 90_000);
    try {
      const { rows } = await client.query<{ u: string; d: string }>(
        'SELECT current_user AS u, current_database() AS d',
      );
      expect(rows).toEqual([{ u: 'voter', d: 'ballots' }]);
    } finally {
      await client.end();
    }
    await expect(connect('wrong')).rejects.toThrow(/password authentication failed/);

    // Another container on the user network, by alias, with psql from the same image.
    const psql = await runContainer(run, {
      name: 'psql',
      image: 'rxcharm/postgres',
      network,
      entrypoint: ['psql'],
      cmd: ['-h', 'db', '-U', 'voter', '-d', 'ballots', '-tAc', 'SELECT 40 + 2'],
      env: { PGPASSWORD: env.POSTGRES_PASSWORD },
    });
    const exit = (await psql.wait()) as { StatusCode: number };
    const out = await logsOf(psql);
    expect({ exit: exit.StatusCode, out: out.trim() }).toEqual({ exit: 0, out: '42' });

    // SIGTERM becomes a fast shutdown: a clean exit, not a kill after the timeout.
    const idle = await connect(env.POSTGRES_PASSWORD);
    idle.on('error', () => undefined);
    expect(await stopAndExitCode(db)).toBe(0);
    expect(await logsOf(db)).toContain('database system is shut down');
    await idle.end().catch(() => undefined);
  });
});

describe('the voting app on a user network', () => {
  it('counts votes cast through vote in result, with a password-protected redis and a late database', async () => {
    const network = await createNetwork(run, 'app');
    const redisPassword = 'r3dis:pw';
    const pg = { PG_USER: 'app', PG_PASS: 'app-pw', PG_DB: 'votes' };
    await runContainer(run, {
      name: 'redis',
      image: 'rxcharm/redis',
      network,
      aliases: ['redis'],
      env: { REDIS_PASSWORD: redisPassword },
    });
    const worker = await runContainer(run, {
      name: 'worker',
      image: 'rxcharm/worker',
      network,
      env: { REDIS_PASSWORD: redisPassword, ...pg },
    });
    const vote = await runContainer(run, {
      name: 'vote',
      image: 'rxcharm/vote',
      network,
      publish: [80],
      env: { REDIS_PASSWORD: redisPassword, OPTION_A: 'Tabs', OPTION_B: 'Spaces' },
    });
    const result = await runContainer(run, {
      name: 'result',
      image: 'rxcharm/result',
      network,
      publish: [80],
      env: { ...pg, OPTION_A: 'Tabs', OPTION_B: 'Spaces' },
    });
    const voteUrl = `http://127.0.0.1:${await hostPort(vote, 80)}`;
    const resultUrl = `http://127.0.0.1:${await hostPort(result, 80)}`;

    await eventually(async () => expect((await fetch(`${voteUrl}/healthz`)).status).toBe(200));
    expect(await (await fetch(`${voteUrl}/`)).text()).toContain('Tabs vs Spaces!');

    // Votes queue in redis while the database does not exist yet.
    const cast = async (voter: string, choice: string): Promise<void> => {
      const res = await fetch(`${voteUrl}/vote`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ voter_id: voter, vote: choice }),
      });
      expect({ status: res.status, body: await res.json() }).toEqual({
        status: 201,
        body: { voter_id: voter, vote: choice },
      });
    };
    await cast('alice', 'a');
    await cast('bob', 'b');
    await cast('carol', 'b');
    await cast('carol', 'a'); // a voter changing their mind counts once, with the last choice
    const form = await fetch(`${voteUrl}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'vote=b',
    });
    expect(form.status).toBe(200);
    expect(form.headers.get('set-cookie')).toMatch(/^voter_id=[0-9a-f]{16};/);

    await runContainer(run, {
      name: 'db',
      image: 'rxcharm/postgres',
      network,
      aliases: ['db'],
      env: { POSTGRES_USER: pg.PG_USER, POSTGRES_PASSWORD: pg.PG_PASS, POSTGRES_DB: pg.PG_DB },
    });

    const expected = { a: 2, b: 2, total: 4 };
    try {
      await eventually(async () => {
        const res = await fetch(`${resultUrl}/api/results`);
        expect(await res.json()).toEqual(expected);
      }, 90_000);
    } catch (error) {
      throw new Error(`${String(error)}\n--- worker logs ---\n${await logsOf(worker)}`);
    }
    const page = await (await fetch(`${resultUrl}/`)).text();
    expect(page).toContain('4 votes');
    expect(page).toContain('Spaces');

    // All three handle SIGTERM themselves (exit 0) instead of being killed after the grace period.
    for (const c of [vote, worker, result]) expect(await stopAndExitCode(c)).toBe(0);
  });
});

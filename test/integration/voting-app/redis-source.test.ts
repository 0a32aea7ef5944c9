/**
 * The worker's Redis source against a real redis-server: a stop (abort) ends the blocking take at
 * once instead of sitting out its timeout, keeps the connection usable, and loses no entry: one
 * taken before the stop goes back to the queue with `release`, one pushed after it stays queued.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { RedisSettings } from '../../../charms/voting-app/workload/shared/env';
import { RedisConnection } from '../../../charms/voting-app/workload/shared/redis-client';
import { openRedisSource } from '../../../charms/voting-app/workload/worker/redis-source';
import { eventually } from '../images/support/docker';
import { freePort } from '../../support/free-port';

jest.setTimeout(60_000);

/** Far longer than the test may take: a take that waits it out fails the test by jest's timeout. */
const LONG_TAKE_SECONDS = 300;

let server: ChildProcess;
let settings: RedisSettings;
let admin: RedisConnection;

beforeAll(async () => {
  const port = await freePort();
  server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  settings = { host: '127.0.0.1', port };
  admin = await eventually(() => RedisConnection.open(settings), 10_000, 50);
});

afterAll(() => {
  admin?.close();
  server?.kill('SIGKILL');
});

beforeEach(async () => {
  await admin.command(['FLUSHALL']);
});

const list = async (key: string): Promise<string[]> => {
  const reply = await admin.command(['LRANGE', key, '0', '-1']);
  return reply.kind === 'array'
    ? (reply.value ?? []).map((item) => (item.kind === 'bulk' ? (item.value ?? '') : ''))
    : [];
};

it('leaves a blocking take at once when the worker stops, and still gives back what it holds', async () => {
  const source = await openRedisSource(settings, { workerId: 'w1' });
  try {
    await admin.command(['RPUSH', 'votes', 'first']);
    const controller = new AbortController();
    await expect(source.next(LONG_TAKE_SECONDS, controller.signal)).resolves.toBe('first');

    const waiting = source.next(LONG_TAKE_SECONDS, controller.signal);
    // Abort only once Redis has the take blocked, or the test would not exercise the unblock.
    await eventually(
      async () => {
        const info = await admin.command(['INFO', 'clients']);
        if (info.kind !== 'bulk' || !/blocked_clients:1\b/.test(info.value ?? '')) throw new Error('not blocked yet');
      },
      10_000,
      20,
    );
    controller.abort();
    await expect(waiting).resolves.toBeNull();

    // An aborted worker takes nothing more; the entry in hand goes back to the head of the queue.
    await admin.command(['RPUSH', 'votes', 'after']);
    await expect(source.next(LONG_TAKE_SECONDS, controller.signal)).resolves.toBeNull();
    await source.release();
    expect(await list('votes')).toEqual(['first', 'after']);
    expect(await list('votes:processing:w1')).toEqual([]);
  } finally {
    source.close();
  }
});

import type { RedisSettings } from '../shared/env';
import { RedisConnection } from '../shared/redis-client';
import type { RespValue } from '../shared/resp';
import type { BallotSource } from './ports';

/** Key names of the reliable queue; every worker derives them from the same queue name. */
export interface QueueKeys {
  /** The list vote pushes onto. */
  queue: string;
  /** This worker's processing list. */
  processing: string;
  /** This worker's liveness key (expires unless refreshed). */
  alive: string;
  /** Pattern matching every worker's processing list. */
  processingPattern: string;
}

/** The keys of worker `workerId` on queue `queue` (`votes:processing:<id>`, `votes:worker:<id>`). */
export function queueKeys(queue: string, workerId: string): QueueKeys {
  return {
    queue,
    processing: `${queue}:processing:${workerId}`,
    alive: `${queue}:worker:${workerId}`,
    processingPattern: `${queue}:processing:*`,
  };
}

/** The worker id a processing list belongs to, or undefined for a key that is not one. */
export function ownerOf(keys: QueueKeys, processingKey: string): string | undefined {
  const prefix = keys.processingPattern.slice(0, -1);
  return processingKey.startsWith(prefix) ? processingKey.slice(prefix.length) : undefined;
}

const bulk = (value: RespValue | undefined): string | null => (value?.kind === 'bulk' ? value.value : null);

export interface RedisSourceOptions {
  /** This worker's id, unique among the workers sharing the queue (the container's host name). */
  workerId: string;
  /** The list vote pushes onto. */
  queue?: string;
  /**
   * How long this worker counts as alive after its last `next`: longer than the slowest save, or
   * another worker would put an entry being saved back in the queue (harmless, saves are
   * idempotent, but wasted work).
   */
  aliveMs?: number;
}

/**
 * Opens a BallotSource over the Redis list `votes` (`BLMOVE` onto the worker's processing list,
 * `LREM` to acknowledge, `LMOVE` to give back). Needs Redis 6.2 or later.
 */
export async function openRedisSource(settings: RedisSettings, options: RedisSourceOptions): Promise<BallotSource> {
  const keys = queueKeys(options.queue ?? 'votes', options.workerId);
  const aliveMs = options.aliveMs ?? 15_000;
  const connection = await RedisConnection.open(settings);
  const command = (args: string[]): Promise<RespValue> => connection.command(args);
  const clientId = await command(['CLIENT', 'ID']);

  /**
   * Ends this connection's blocking move from a second connection. `CLIENT UNBLOCK` makes the move
   * return as if it timed out, so the connection stays usable for `release` and, unlike closing
   * it, leaves no moment where Redis could hand an entry to a client that is gone.
   */
  const unblock = async (): Promise<void> => {
    if (clientId.kind !== 'integer') return;
    const control = await RedisConnection.open(settings);
    try {
      await control.command(['CLIENT', 'UNBLOCK', String(clientId.value)]);
    } finally {
      control.close();
    }
  };

  /** Moves every entry of `list` back to the head of the queue, oldest first in line. */
  const drain = async (list: string): Promise<number> => {
    let moved = 0;
    while (bulk(await command(['LMOVE', list, keys.queue, 'RIGHT', 'LEFT'])) !== null) moved += 1;
    return moved;
  };

  const processingLists = async (): Promise<string[]> => {
    const found = new Set<string>();
    let cursor = '0';
    do {
      const reply = await command(['SCAN', cursor, 'MATCH', keys.processingPattern, 'COUNT', '100']);
      if (reply.kind !== 'array' || reply.value === null) break;
      const [next, list] = reply.value;
      cursor = bulk(next) ?? '0';
      if (list?.kind === 'array')
        for (const item of list.value ?? []) if (item.kind === 'bulk' && item.value) found.add(item.value);
    } while (cursor !== '0');
    return [...found];
  };

  return {
    async next(timeoutSeconds, signal) {
      if (signal?.aborted) return null;
      // Pipelined: the liveness refresh reaches Redis before the blocking move.
      const moved = Promise.all([
        command(['SET', keys.alive, '1', 'PX', String(aliveMs)]),
        command(['BLMOVE', keys.queue, keys.processing, 'LEFT', 'RIGHT', String(timeoutSeconds)]),
      ]);
      const onAbort = (): void => {
        // A failed unblock only costs the rest of the timeout.
        unblock().catch(() => undefined);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        const [, reply] = await moved;
        return bulk(reply);
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
    },
    async ack(raw) {
      await command(['LREM', keys.processing, '1', raw]);
    },
    async recover() {
      let moved = await drain(keys.processing);
      for (const list of await processingLists()) {
        const owner = ownerOf(keys, list);
        if (owner === undefined || list === keys.processing) continue;
        const alive = await command(['EXISTS', queueKeys(keys.queue, owner).alive]);
        if (alive.kind === 'integer' && alive.value === 0) moved += await drain(list);
      }
      return moved;
    },
    async release() {
      await drain(keys.processing);
      await command(['DEL', keys.alive]);
    },
    close: () => connection.close(),
  };
}

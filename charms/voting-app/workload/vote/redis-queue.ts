import type { RedisSettings } from '../shared/env';
import { RedisConnection } from '../shared/redis-client';
import type { Ballot, QueuedBallot } from '../shared/ballot';

/**
 * Pushes ballots onto the Redis list `votes` over one lazily opened connection. A failed push drops
 * the connection so the next request opens a fresh one: Redis may restart or be replaced by a
 * related application at any time.
 */
export class BallotQueue {
  private connection: Promise<RedisConnection> | undefined;

  constructor(
    private readonly settings: RedisSettings,
    private readonly list = 'votes',
    private readonly now: () => number = Date.now,
  ) {}

  async push(ballot: Ballot): Promise<void> {
    const pending = (this.connection ??= RedisConnection.open(this.settings));
    try {
      const connection = await pending;
      if (!connection.alive) throw new Error('redis connection lost');
      const queued: QueuedBallot = { ...ballot, cast_at: this.now() };
      await connection.command(['RPUSH', this.list, JSON.stringify(queued)]);
    } catch (error) {
      this.reset(pending);
      throw error;
    }
  }

  close(): void {
    if (this.connection) this.reset(this.connection);
  }

  private reset(pending: Promise<RedisConnection>): void {
    if (this.connection === pending) this.connection = undefined;
    pending.then(
      (c) => c.close(),
      () => undefined,
    );
  }
}

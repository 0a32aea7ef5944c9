import type { RegisteredHandler } from './registered-handler';

/**
 * The handlers still waiting for their turn in one reactive iteration, in registration order.
 *
 * A handler leaves the queue when its turn comes, or when a flag change makes it false: then it
 * stays out for the rest of the iteration, even if a later change makes it true again. Marks are
 * kept in one typed array indexed by registration order (a generation number per iteration), so
 * queueing, taking and dropping cost no allocation per handler.
 */
export class IterationQueue {
  private readonly marks: Int32Array;
  private generation = 0;
  private handlers: readonly RegisteredHandler[] = [];
  private next = 0;

  /** @param size the number of registered handlers (every `order` is below it) */
  constructor(size: number) {
    this.marks = new Int32Array(size);
  }

  /** Starts an iteration with `handlers` (in registration order), all waiting. */
  start(handlers: readonly RegisteredHandler[]): void {
    this.generation++;
    this.handlers = handlers;
    this.next = 0;
    for (const h of handlers) this.marks[h.order] = this.generation;
  }

  /** The next handler still waiting, which leaves the queue; undefined at the end. */
  take(): RegisteredHandler | undefined {
    while (this.next < this.handlers.length) {
      const h = this.handlers[this.next++] as RegisteredHandler;
      if (this.marks[h.order] === this.generation) {
        this.marks[h.order] = 0;
        return h;
      }
    }
    return undefined;
  }

  /**
   * Tests again, in queue order, every waiting handler that watches one of the `changed` flags,
   * and drops those for which `holds` is false. Costs time proportional to the watchers of the
   * changed flags, not to the length of the queue.
   */
  dropFalsified(
    changed: readonly string[],
    byFlag: ReadonlyMap<string, readonly RegisteredHandler[]>,
    holds: (h: RegisteredHandler) => boolean,
  ): void {
    let affected: RegisteredHandler[] | undefined;
    for (const f of changed) {
      const watchers = byFlag.get(f);
      if (watchers === undefined) continue;
      for (const h of watchers) if (this.marks[h.order] === this.generation) (affected ??= []).push(h);
    }
    if (affected === undefined) return;
    if (affected.length > 1) affected.sort((a, b) => a.order - b.order);
    for (const h of affected) {
      // A handler watching several changed flags is listed once per flag: test it once.
      if (this.marks[h.order] === this.generation && !holds(h)) this.marks[h.order] = 0;
    }
  }
}

import type { ModelState } from '../model/model-state';
import type { QueuedHook, UnitRecord } from '../model/types';
import { appOfUnit } from '../model/model-state';

/** Runs one queued hook of a unit to completion (including its commit and the model update). */
export type RunQueuedHook = (unit: UnitRecord, hook: QueuedHook) => Promise<void>;

/** Options of {@link HookScheduler}. */
export interface HookSchedulerOptions {
  /**
   * Run units of different applications concurrently (default). Off: one hook at a time in
   * global queue order, fully deterministic.
   */
  readonly parallel?: boolean;
  /** Checked between hooks; true stops the drain (for `wait --timeout`). */
  readonly shouldStop?: () => boolean;
}

/**
 * Drains the units' hook queues: one hook at a time per application (so per unit), the hook
 * enqueued first runs first; applications run concurrently unless `parallel` is off. A unit in
 * error is skipped until resolved. Hooks that a running hook enqueues (relation-changed on the
 * other side, leader-settings-changed) are picked up before the drain returns.
 */
export class HookScheduler {
  private readonly running = new Map<string, Promise<void>>();
  private failure: unknown;

  constructor(
    private readonly model: ModelState,
    private readonly run: RunQueuedHook,
    private readonly options: HookSchedulerOptions = {},
  ) {}

  /** Runs until no unit has a runnable hook (or `shouldStop`). Rejects on an agent failure. */
  async drain(): Promise<void> {
    this.kick();
    while (this.running.size > 0) {
      await Promise.race(this.running.values());
    }
    if (this.failure !== undefined) throw this.failure;
  }

  private next(app?: string): { unit: UnitRecord; hook: QueuedHook } | undefined {
    let best: { unit: UnitRecord; hook: QueuedHook } | undefined;
    for (const unit of this.model.runnableUnits()) {
      if (app !== undefined && appOfUnit(unit.name) !== app) continue;
      const hook = unit.queue[0]!;
      if (best === undefined || hook.seq < best.hook.seq) best = { unit, hook };
    }
    return best;
  }

  private kick(): void {
    if (this.failure !== undefined || this.options.shouldStop?.() === true) return;
    if (this.options.parallel === false) {
      if (this.running.size === 0 && this.next() !== undefined) this.start('*', undefined);
      return;
    }
    const apps = new Set(this.model.runnableUnits().map((u) => appOfUnit(u.name)));
    for (const app of apps) if (!this.running.has(app)) this.start(app, app);
  }

  private start(key: string, app: string | undefined): void {
    const worker = (async () => {
      for (;;) {
        if (this.failure !== undefined || this.options.shouldStop?.() === true) return;
        const item = this.next(app);
        if (item === undefined) return;
        await this.run(item.unit, item.hook);
        this.kickOthers(key);
      }
    })()
      .catch((error: unknown) => {
        this.failure ??= error;
      })
      .finally(() => {
        this.running.delete(key);
        this.kick();
      });
    this.running.set(key, worker);
  }

  private kickOthers(self: string): void {
    if (this.options.parallel === false) return;
    const apps = new Set(this.model.runnableUnits().map((u) => appOfUnit(u.name)));
    for (const app of apps) if (app !== self && !this.running.has(app)) this.start(app, app);
  }
}

/** What {@link UnitLanes} schedules: which units have work, and how to run one unit's next hook. */
export interface UnitLanesOptions {
  /** Units whose queue has a hook that may run now (not empty, not in error), in any order. */
  readonly runnable: () => readonly string[];
  /** Runs the head hook of `unit` to its end, recording the outcome (a failed hook resolves). */
  readonly runNext: (unit: string) => Promise<void>;
  /** `runNext` threw (an agent fault, not a hook failure): that unit's lane stops until `resume`. */
  readonly onFault?: (unit: string, error: unknown) => void;
}

/**
 * The running agent's scheduling core: one lane per unit, so a unit runs one hook at a time in
 * queue order while different units run at the same time, as Juju's unit agents do. Lanes start
 * on {@link kick} (after anything that may queue hooks) and run until their unit has nothing
 * runnable. Pure: it knows unit names and two callbacks, no processes or files.
 */
export class UnitLanes {
  private readonly active = new Map<string, Promise<void>>();
  /** Units an exclusive task (an action) is waiting for or holding: no hook starts on them. */
  private readonly reserved = new Set<string>();
  private readonly faulted = new Set<string>();
  private waiters: Array<{ readonly ready: () => boolean; readonly resolve: () => void }> = [];
  private paused = false;
  private stopped = false;

  constructor(private readonly options: UnitLanesOptions) {}

  /** Units running a hook (or an exclusive task) right now. */
  running(): string[] {
    return [...this.active.keys()];
  }

  /** Starts a lane for every unit that has work and none yet. */
  kick(): void {
    for (const unit of this.startable()) this.startLane(unit);
    this.settle();
  }

  /** Starts no new hook; resolves once no hook runs. */
  async pause(): Promise<void> {
    this.paused = true;
    await this.until(() => this.active.size === 0);
  }

  /** Undoes {@link pause} (and retries lanes that faulted) and starts lanes again. */
  resume(): void {
    this.paused = false;
    this.faulted.clear();
    this.kick();
  }

  /** Resolves when no hook runs and none can start (paused, stopped, or nothing runnable). */
  async idle(): Promise<void> {
    await this.until(() => this.active.size === 0 && this.startable().length === 0);
  }

  /**
   * Runs `task` on `unit`'s lane: after the unit's running hook, with no hook of that unit
   * starting until it ends. Other units go on.
   */
  async exclusive<T>(unit: string, task: () => Promise<T>): Promise<T> {
    while (this.reserved.has(unit)) await this.until(() => !this.reserved.has(unit));
    this.reserved.add(unit);
    try {
      await this.until(() => !this.active.has(unit));
      const run = task();
      const lane = run.then(
        () => undefined,
        () => undefined,
      );
      this.active.set(unit, lane);
      try {
        return await run;
      } finally {
        this.active.delete(unit);
      }
    } finally {
      this.reserved.delete(unit);
      this.kick();
    }
  }

  /** Starts no hook ever again; resolves once the running ones ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.settle();
    await this.until(() => this.active.size === 0);
  }

  private startable(): string[] {
    if (this.paused || this.stopped) return [];
    return this.options
      .runnable()
      .filter((unit) => !this.active.has(unit) && !this.reserved.has(unit) && !this.faulted.has(unit));
  }

  private startLane(unit: string): void {
    const lane = (async () => {
      while (!this.paused && !this.stopped && !this.reserved.has(unit) && this.options.runnable().includes(unit)) {
        await this.options.runNext(unit);
        // The hook may have queued work on other units (relation-changed, leader-settings-changed).
        this.kick();
      }
    })()
      .catch((error: unknown) => {
        this.faulted.add(unit);
        this.options.onFault?.(unit, error);
      })
      .finally(() => {
        this.active.delete(unit);
        this.kick();
      });
    this.active.set(unit, lane);
  }

  private async until(ready: () => boolean): Promise<void> {
    if (ready()) return;
    await new Promise<void>((resolve) => this.waiters.push({ ready, resolve }));
  }

  private settle(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const waiter of waiting) {
      if (waiter.ready()) waiter.resolve();
      else this.waiters.push(waiter);
    }
  }
}

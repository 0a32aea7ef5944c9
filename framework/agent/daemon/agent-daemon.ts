import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BuildLayer } from '../charm-source';
import { ModelOperationError } from '../errors';
import { describe as describeHook, HookExecutor, type HookEvent } from '../internal/hook-executor';
import type { UnitNetwork } from '../network/unit-network';
import { LocalAgent, removeDepartedDirs } from '../local-agent';
import type { ModelHost, ModelSession } from '../model-host';
import { resolveUnit } from '../model/hook-progress';
import { ModelState } from '../model/model-state';
import { ModelStore } from '../model/model-store';
import { DebugLog } from '../runner/debug-log';
import { HookToolServer } from '../server/hook-tool-server';
import { writeToolShims } from '../server/write-tool-shims';
import { HOOK_TOOL_NAMES } from '../tools/run-tool';
import { acquireAgentLock, type AgentLock } from './agent-lock';
import { AgentStoppingError } from './daemon-errors';
import { ControlServer, controlSocketPath, type ControlRequest } from './control-socket';
import { HookRetries } from './hook-retries';
import { agentModelSettings } from './model-settings';
import { RETRY_BASE_MS } from './retry-backoff';
import { UnitLanes } from './unit-lanes';

/** Options of {@link AgentDaemon.start}. */
export interface AgentDaemonOptions {
  readonly modelDir: string;
  /** The address units report (see `AgentSettings.address`). */
  readonly address: string;
  /** Gives each unit its own address (see `LocalAgentOptions.unitNetwork`). */
  readonly unitNetwork?: UnitNetwork;
  /** `PATH` hooks get after the tool shims. */
  readonly basePath: string;
  /** Offer hooks the hook-tool socket (see `AgentSettings.toolSocket`). */
  readonly toolSocket: boolean;
  /** Builds a layer handed to `deploy` or `refresh`. */
  readonly buildLayer?: BuildLayer;
  /** First delay of the retry back-off (Juju's 5 s unless `RXCHARM_AGENT_RETRY_BASE` says otherwise). */
  readonly retryBaseMs?: number;
  /** Lines for the operator: hook results, retries, start and stop. */
  readonly log?: (line: string) => void;
  /** How long to wait for a command that holds the model lock when the agent starts (default 10 minutes). */
  readonly lockTimeoutMs?: number;
}

/**
 * `rxcharm agent`: the model's unit agents as one foreground process. It holds the model (its pid
 * file and the model lock) while it runs and keeps the model in memory, saving it atomically
 * after every change. Hooks run in one lane per unit ({@link UnitLanes}); `update-status` is
 * queued on every started unit each `update-status-hook-interval`; a failed hook is retried with
 * Juju's back-off while `automatically-retry-hooks` is true ({@link HookRetries}). Commands hand it
 * their operations over the control socket (`<model>/agent-control.sock`).
 */
export class AgentDaemon implements ModelHost {
  private readonly lanes: UnitLanes;
  private readonly retries: HookRetries;
  private readonly executor: HookExecutor;
  private readonly agent: LocalAgent;
  private readonly listeners = new Set<(event: HookEvent) => void>();
  private readonly requestListener = new AsyncLocalStorage<(event: HookEvent) => void>();
  private sessions: Promise<unknown> = Promise.resolve();
  private toolServer: HookToolServer | undefined;
  private controlServer: ControlServer | undefined;
  private timer: NodeJS.Timeout | undefined;
  private intervalMs = 0;
  private stopping: Promise<void> | undefined;
  private finish!: () => void;
  /** Resolves once the agent stopped and released the model. */
  readonly done = new Promise<void>((resolve) => (this.finish = resolve));

  private constructor(
    private readonly options: AgentDaemonOptions,
    private readonly store: ModelStore,
    private readonly model: ModelState,
    private readonly lock: AgentLock,
    private readonly releaseModel: () => Promise<void>,
  ) {
    this.executor = new HookExecutor({
      modelDir: store.dir,
      model,
      save: () => this.save(),
      log: new DebugLog(join(store.dir, 'debug.log')),
      socketPath: toolSocketPath(store.dir),
      toolsDir: join(store.dir, 'bin'),
      basePath: options.basePath,
      toolSocket: options.toolSocket,
      address: options.address,
      onHook: (event) => this.hookEnded(event),
    });
    this.lanes = new UnitLanes({
      runnable: () => model.runnableUnits().map((u) => u.name),
      runNext: (unit) => this.runHead(unit),
      onFault: (unit, error) =>
        this.log(`${unit}: agent fault, its hooks wait for the next command: ${(error as Error).message}`),
    });
    this.retries = new HookRetries({
      enabled: () => agentModelSettings(model.data).retryHooks,
      unitsInError: () =>
        model
          .allUnits()
          .filter((u) => u.error !== null)
          .map((u) => u.name),
      retry: (unit) => this.retry(unit),
      baseMs: options.retryBaseMs ?? RETRY_BASE_MS,
      onScheduled: (unit, delayMs, attempt) =>
        this.log(
          `${unit}: retrying "${model.findUnit(unit)?.error?.hook ?? '?'}" in ${seconds(delayMs)} (attempt ${attempt})`,
        ),
    });
    this.agent = new LocalAgent({
      modelDir: store.dir,
      address: options.address,
      basePath: options.basePath,
      toolSocket: options.toolSocket,
      host: this,
      ...(options.buildLayer === undefined ? {} : { buildLayer: options.buildLayer }),
      ...(options.unitNetwork === undefined ? {} : { unitNetwork: options.unitNetwork }),
    });
  }

  /**
   * Takes the model (pid file, then the model lock: a command running hooks finishes first),
   * starts the hook-tool and control sockets, the timer and the retries, and runs the hooks
   * commands left queued.
   *
   * @throws AgentRunningError when another agent runs for the model (naming its pid).
   */
  static async start(options: AgentDaemonOptions): Promise<AgentDaemon> {
    const modelDir = resolve(options.modelDir);
    const lock = acquireAgentLock(modelDir);
    try {
      const store = new ModelStore(modelDir);
      const releaseModel = await holdModelLock(store, options.lockTimeoutMs);
      const model = new ModelState(store.load());
      store.save(model.data);
      const daemon = new AgentDaemon(options, store, model, lock, releaseModel);
      await daemon.open();
      return daemon;
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  /** The model's pid file. */
  get pid(): number {
    return this.lock.pid;
  }

  /**
   * Stops: no new hook starts (queued ones stay queued in the model for the next agent or
   * command), the running hooks finish, commands in flight get their answer, then the model is
   * saved and released. Calling it again returns the same promise.
   */
  async stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.log('stopping: letting running hooks finish');
      if (this.timer !== undefined) clearTimeout(this.timer);
      this.retries.cancelAll();
      await this.lanes.stop();
      await this.controlServer?.close();
      await this.toolServer?.close();
      removeDepartedDirs(this.store.dir, this.model);
      this.store.save(this.model.data);
      await this.releaseModel();
      this.lock.release();
      this.log('stopped');
      this.finish();
    })();
    return this.stopping;
  }

  /** {@link ModelHost}: one command's operation, with hooks paused while it changes the model. */
  async session<T>(fn: (session: ModelSession) => Promise<T>): Promise<T> {
    const listener = this.requestListener.getStore();
    const run = this.sessions.then(async () => {
      if (this.stopping !== undefined) throw new AgentStoppingError(this.store.dir);
      if (listener !== undefined) this.listeners.add(listener);
      await this.lanes.pause();
      let paused = true;
      const resume = () => {
        if (!paused) return;
        paused = false;
        this.lanes.resume();
      };
      try {
        return await fn({
          model: this.model,
          save: () => {
            this.save();
            this.changed();
          },
          drain: async (shouldStop) => {
            resume();
            this.changed();
            await this.idle(shouldStop);
            removeDepartedDirs(this.store.dir, this.model);
          },
          runAction: async (unit, run) => {
            resume();
            return this.lanes.exclusive(unit.name, () => this.executor.runAction(unit, run));
          },
        });
      } finally {
        resume();
        this.changed();
        if (listener !== undefined) this.listeners.delete(listener);
      }
    });
    this.sessions = run.catch(() => undefined);
    return run;
  }

  private async open(): Promise<void> {
    writeToolShims(join(this.store.dir, 'bin'), HOOK_TOOL_NAMES);
    this.toolServer = await HookToolServer.start(toolSocketPath(this.store.dir), (request) =>
      this.executor.handleTool(request),
    );
    this.controlServer = await ControlServer.start(controlSocketPath(this.store.dir), (request, emit) =>
      this.requestListener.run(emit, () => this.handle(request)),
    );
    const settings = agentModelSettings(this.model.data);
    this.log(
      `agent running for model ${this.store.dir} (pid ${this.pid}); update-status every ${seconds(settings.updateStatusIntervalMs)}, ` +
        `automatically-retry-hooks ${settings.retryHooks}`,
    );
    this.changed();
  }

  /** Runs a command's operation on this agent's {@link LocalAgent} (whose host is this agent). */
  private async handle(request: ControlRequest): Promise<unknown> {
    const agent = this.agent;
    // The client sends null for an argument left out (JSON has no undefined).
    const a = request.args.map((arg) => (arg === null ? undefined : arg)) as never[];
    switch (request.op) {
      case 'deploy':
        return agent.deploy(a[0]!, a[1]);
      case 'refresh':
        return agent.refresh(a[0]!, a[1]);
      case 'config':
        return agent.config(a[0]!, a[1]!, a[2]);
      case 'relate':
        return agent.relate(a[0]!, a[1]!);
      case 'unrelate':
        return agent.unrelate(a[0]!, a[1]!);
      case 'addUnit':
        return agent.addUnit(a[0]!, a[1]);
      case 'removeUnit':
        return agent.removeUnit(a[0]!);
      case 'removeApplication':
        return agent.removeApplication(a[0]!);
      case 'resolve':
        return agent.resolve(a[0]!, a[1]);
      case 'updateStatus':
        return agent.updateStatus(a[0]);
      case 'wait':
        return agent.wait(a[0]);
      case 'runAction':
        return agent.runAction(a[0]!, a[1]!, a[2]);
      case 'setModelConfig':
        return agent.setModelConfig(a[0]!, a[1]);
      default:
        throw new ModelOperationError(`the agent has no operation ${JSON.stringify(request.op)}`);
    }
  }

  private async runHead(name: string): Promise<void> {
    const unit = this.model.findUnit(name);
    const hook = unit?.queue[0];
    if (unit === undefined || hook === undefined || unit.error !== null) return;
    await this.executor.runQueued(unit, hook);
    if (unit.error === null) this.retries.succeeded(name);
    if (hook.hook === 'remove') removeDepartedDirs(this.store.dir, this.model);
    this.retries.reconcile();
  }

  private hookEnded(event: HookEvent): void {
    this.log(describeHook(event));
    for (const listener of this.listeners) listener(event);
  }

  /** A retry timer fired: the failed hook runs again, as after `resolve`. */
  private retry(name: string): void {
    if (this.stopping !== undefined || this.model.findUnit(name)?.error == null) return;
    resolveUnit(this.model, name, true);
    this.save();
    this.lanes.kick();
  }

  /** After anything that may queue hooks, change errors or change settings. */
  private changed(): void {
    if (this.stopping !== undefined) return;
    const { updateStatusIntervalMs } = agentModelSettings(this.model.data);
    if (updateStatusIntervalMs !== this.intervalMs) {
      this.intervalMs = updateStatusIntervalMs;
      this.armTimer();
    }
    this.retries.reconcile();
    this.lanes.kick();
  }

  private armTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.queueUpdateStatus();
      this.armTimer();
    }, this.intervalMs);
  }

  /** Queues `update-status` on every started unit that is not in error and has none waiting. */
  private queueUpdateStatus(): void {
    if (this.stopping !== undefined) return;
    let queued = false;
    for (const unit of this.model.allUnits()) {
      if (unit.dying || !unit.installed || unit.error !== null) continue;
      if (unit.queue.some((h) => h.hook === 'update-status')) continue;
      this.model.enqueue(unit, { hook: 'update-status' });
      queued = true;
    }
    if (!queued) return;
    this.save();
    this.lanes.kick();
  }

  private async idle(shouldStop?: () => boolean): Promise<void> {
    if (shouldStop === undefined) return this.lanes.idle();
    let done = false;
    const idle = this.lanes.idle().then(() => (done = true));
    while (!done && !shouldStop()) await Promise.race([idle, new Promise((r) => setTimeout(r, 100))]);
  }

  private save(): void {
    this.store.save(this.model.data);
  }

  private log(line: string): void {
    this.options.log?.(line);
  }
}

/** Holds the model lock until the returned release is called. */
async function holdModelLock(store: ModelStore, timeoutMs?: number): Promise<() => Promise<void>> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let acquired!: () => void;
  const locked = new Promise<void>((resolve) => (acquired = resolve));
  const holding = store.withLock(async () => {
    acquired();
    await released;
  }, timeoutMs);
  await Promise.race([locked, holding]);
  return async () => {
    release();
    await holding;
  };
}

/** The hook-tool socket path, as a command's agent picks it (`<model>/agent.sock`, or in the temp dir). */
function toolSocketPath(modelDir: string): string {
  const path = join(modelDir, 'agent.sock');
  if (Buffer.byteLength(path) <= 100) return path;
  return join(tmpdir(), `rxcharm-${createHash('sha256').update(modelDir).digest('hex').slice(0, 16)}.sock`);
}

/** A delay as Juju writes one (`5m`, `30s`, `300ms`). */
function seconds(ms: number): string {
  for (const [unit, size] of [
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1_000],
  ] as const)
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  return `${ms}ms`;
}

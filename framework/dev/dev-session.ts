import { basename, join, resolve } from 'node:path';
import { ForwardingAgent, type HookEvent, type LocalAgent, type LocalAgentOptions } from '../agent';
import { buildCharm, IncrementalBundler, type BuildResult, type CharmBundler, type LayerSearchPath } from '../build';
import type { DispatchDiff } from './dispatch-diff';
import { TypeCheckError } from './errors';
import { LayerTypeChecker } from './layer-type-checker';
import { LayerWatcher } from './layer-watcher';
import { diffsSince, lastTraceNumber } from './unit-traces';

/** What one turn of the loop did: after the first build, or after a burst of saves. */
export interface DevCycle {
  /** The application kept in step (unknown until a first build succeeded). */
  readonly app?: string;
  /** Changed files that started the cycle (empty for the first one). */
  readonly files: readonly string[];
  /**
   * `deployed` (first cycle, application created), `refreshed`, `unchanged` (the built charm is
   * byte for byte the previous one: nothing to refresh), `build-failed` (type, layer-file or
   * bundle errors: nothing deployed), `refresh-failed` (the agent refused the new charm).
   */
  readonly outcome: 'deployed' | 'refreshed' | 'unchanged' | 'build-failed' | 'refresh-failed';
  readonly error?: Error;
  /** Type check, bundle and write of the charm. */
  readonly buildMs: number;
  /** The agent's own share of the refresh or deploy: charm files, model, hook scheduling. */
  readonly refreshMs: number;
  /** Time spent in hooks (the sum of the hook durations). */
  readonly hookMs: number;
  /** From the start of the cycle to the last hook finished. */
  readonly totalMs: number;
  /** Every hook that ran, in order. */
  readonly hooks: readonly HookEvent[];
  /** Per hook run, how its dispatch differs from the previous run of the same hook. */
  readonly diffs: readonly DispatchDiff[];
  /** Units whose failed hook was retried with the new charm (`resolve`). */
  readonly resolved: readonly string[];
}

/** Options of {@link DevSession.start}. */
export interface DevSessionOptions extends Partial<Pick<LocalAgentOptions, 'basePath' | 'address' | 'parallel'>> {
  /** The top layer. */
  readonly layerDir: string;
  readonly modelDir: string;
  /** Application name (default: the charm name). */
  readonly app?: string;
  /** Config (`key=value`) for the first deploy. */
  readonly config?: readonly string[];
  readonly searchPath: LayerSearchPath;
  readonly packageRoot: string;
  /** Quiet time after a save before rebuilding (default 50 ms). */
  readonly debounceMs?: number;
  /** Called after each cycle. */
  readonly onCycle?: (cycle: DevCycle) => void;
  /** Called after each hook, as it ends. */
  readonly onHook?: (event: HookEvent) => void;
  /** Called when a burst of changes starts a cycle, before anything else. */
  readonly onChange?: (files: readonly string[]) => void;
  /** Watch the layer stack (default true; false for one cycle, as in tests and `--once`). */
  readonly watch?: boolean;
  /** Monotonic milliseconds (default `performance.now`). */
  readonly clock?: () => number;
}

/**
 * `rxcharm dev`: keeps an application of the local model in step with a layer. The first cycle
 * builds the layer and deploys it (or refreshes the application when it exists); then every
 * burst of saves anywhere in the layer stack type-checks and rebuilds it (keeping the compiler's
 * program and esbuild's context between builds) and, when the built charm changed, refreshes
 * the application (`upgrade-charm`, `config-changed` on every unit). Each hook's trace is
 * compared with the previous run of the same hook. Disposing stops watching; the deployment
 * stays as it is.
 */
export class DevSession implements AsyncDisposable {
  readonly agent: LocalAgent;
  private readonly bundler = new IncrementalBundler();
  private readonly watcher: LayerWatcher | undefined;
  private readonly outputDir: string;
  private readonly clock: () => number;
  private hooks: HookEvent[] = [];
  private running: Promise<void> = Promise.resolve();
  private queued: Set<string> | undefined;
  private app: string | undefined;
  private stackDirs: readonly string[];

  private constructor(
    private readonly options: DevSessionOptions,
    private readonly checker: LayerTypeChecker,
  ) {
    this.clock = options.clock ?? (() => performance.now());
    const layerDir = resolve(options.layerDir);
    this.outputDir = join(resolve(options.modelDir), 'builds', basename(layerDir));
    this.stackDirs = [layerDir];
    this.app = options.app;
    // While `rxcharm agent` runs for the model, refreshes are handed to it.
    this.agent = ForwardingAgent.for({
      modelDir: options.modelDir,
      ...(options.basePath === undefined ? {} : { basePath: options.basePath }),
      ...(options.address === undefined ? {} : { address: options.address }),
      ...(options.parallel === undefined ? {} : { parallel: options.parallel }),
      onHook: (event) => {
        this.hooks.push(event);
        options.onHook?.(event);
      },
    });
    if (options.watch !== false)
      this.watcher = new LayerWatcher({ debounceMs: options.debounceMs, onChange: (f) => this.changed(f) });
  }

  /** Runs the first cycle, then starts watching. */
  static async start(options: DevSessionOptions): Promise<DevSession> {
    const session = new DevSession(options, await LayerTypeChecker.create(options.packageRoot));
    await session.cycle([]);
    session.watcher?.setDirs(session.stackDirs);
    return session;
  }

  /** The application kept in step (known after the first successful build). */
  get application(): string | undefined {
    return this.app;
  }

  /** The directories watched: every layer and interface of the stack. */
  get watchedLayers(): readonly string[] {
    return this.stackDirs;
  }

  /** Runs a cycle now, as if `files` had changed; resolves when it (and any queued one) ended. */
  async rebuild(files: readonly string[] = []): Promise<void> {
    this.changed(files);
    await this.idle();
  }

  /** Resolves when no cycle is running or queued. */
  async idle(): Promise<void> {
    let current: Promise<void>;
    do {
      current = this.running;
      await current;
    } while (current !== this.running);
  }

  private changed(files: readonly string[]): void {
    if (this.queued !== undefined) {
      for (const f of files) this.queued.add(f);
      return;
    }
    this.queued = new Set(files);
    this.running = this.running.then(async () => {
      const batch = [...(this.queued ?? [])].sort();
      this.queued = undefined;
      this.options.onChange?.(batch);
      await this.cycle(batch);
      this.watcher?.setDirs(this.stackDirs);
    });
  }

  private async cycle(files: readonly string[]): Promise<void> {
    const start = this.clock();
    this.hooks = [];
    let build: BuildResult;
    try {
      build = await buildCharm({
        layerDir: this.options.layerDir,
        outputDir: this.outputDir,
        searchPath: this.options.searchPath,
        packageRoot: this.options.packageRoot,
        force: true,
        bundler: this.typeCheckedBundler,
      });
    } catch (error) {
      this.report(files, start, start, 'build-failed', error as Error);
      return;
    }
    this.stackDirs = [...build.stack.layers, ...build.stack.interfaces].map((l) => l.dir);
    const built = this.clock();
    this.app ??= build.charmName;
    const app = this.app;
    const exists = this.agent.state().data.applications[app] !== undefined;
    const unchanged = exists && files.length > 0 && isUnchanged(build);
    if (unchanged) {
      this.report(files, start, built, 'unchanged');
      return;
    }
    const marks = new Map(this.unitDirs(app).map(([unit, dir]) => [unit, lastTraceNumber(dir)]));
    const resolved: string[] = [];
    try {
      if (!exists) await this.agent.deploy(this.outputDir, { app, config: this.options.config ?? [] });
      else {
        await this.agent.refresh(app, { path: this.outputDir });
        // A unit stopped on a failed hook retries it with the new code: the fix the author saved.
        for (const { unit } of this.agent.report().errors.filter((e) => e.unit.startsWith(`${app}/`))) {
          await this.agent.resolve(unit, true);
          resolved.push(unit);
        }
      }
    } catch (error) {
      this.report(files, start, built, 'refresh-failed', error as Error);
      return;
    }
    const diffs = this.unitDirs(app).flatMap(([unit, dir]) => diffsSince(dir, marks.get(unit) ?? 0));
    this.report(files, start, built, exists ? 'refreshed' : 'deployed', undefined, diffs, resolved);
  }

  /** Bundles (esbuild, in its own process) while the compiler checks the same stack here. */
  private readonly typeCheckedBundler: CharmBundler = async (entry, resolveDir, aliases) => {
    const bundle = this.bundler.bundle(entry, resolveDir, aliases);
    const errors = this.checker.check(aliases);
    if (errors.length > 0) {
      await bundle.catch(() => undefined);
      throw new TypeCheckError(errors);
    }
    return bundle;
  };

  private unitDirs(app: string): Array<[string, string]> {
    const model = this.agent.state();
    if (model.data.applications[app] === undefined) return [];
    return model.unitsOf(app).map((u) => [u.name, join(this.agent.modelDir, u.charmDir)]);
  }

  private report(
    files: readonly string[],
    start: number,
    built: number,
    outcome: DevCycle['outcome'],
    error?: Error,
    diffs: readonly DispatchDiff[] = [],
    resolved: readonly string[] = [],
  ): void {
    const end = this.clock();
    const hookMs = this.hooks.reduce((sum, h) => sum + h.durationMs, 0);
    this.options.onCycle?.({
      ...(this.app === undefined ? {} : { app: this.app }),
      files,
      outcome,
      ...(error === undefined ? {} : { error }),
      buildMs: built - start,
      refreshMs: Math.max(0, end - built - hookMs),
      hookMs,
      totalMs: end - start,
      hooks: this.hooks,
      diffs,
      resolved,
    });
  }

  /** Stops watching and esbuild's context; the deployment stays. Waits for a running cycle. */
  async dispose(): Promise<void> {
    this.watcher?.close();
    await this.idle();
    await this.bundler.dispose();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.dispose();
  }
}

function isUnchanged(build: BuildResult): boolean {
  const { added, changed, removed, firstBuild } = build.changes;
  return !firstBuild && added.length + changed.length + removed.length === 0;
}

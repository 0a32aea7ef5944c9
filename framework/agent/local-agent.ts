import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { actionParams } from './action-params';
import type { AgentSettings } from './agent-settings';
import { charmSourceKind, type BuildLayer } from './charm-source';
import { ModelLookupError, ModelOperationError } from './errors';
import { HookExecutor, type HookEvent } from './internal/hook-executor';
import { resetConfig, setConfig } from './model/config-ops';
import { effectiveConfig, validateConfigAssignments } from './model/config-values';
import { addApplication, addUnits, unitDirName } from './model/deploy-ops';
import { resolveUnit } from './model/hook-progress';
import { loadCharmInfo } from './model/load-charm-info';
import { ModelState } from './model/model-state';
import { ModelStore } from './model/model-store';
import { parseEndpointSpec, relate, unrelate } from './model/relation-ops';
import { applyRefresh, planRefresh, type RefreshPlan } from './model/refresh-ops';
import { removeApplication, removeUnit } from './model/removal-ops';
import { listCharmFiles, replaceCharmFiles } from './internal/replace-charm-files';
import type { ConfigValue, RelationRecord, UnitRecord } from './model/types';
import { DebugLog } from './runner/debug-log';
import { HookScheduler } from './scheduler/hook-scheduler';
import { HookToolServer } from './server/hook-tool-server';
import type { UnitNetwork } from './network/unit-network';
import { UnitAddressKeeper } from './network/unit-address-keeper';
import { writeToolShims } from './server/write-tool-shims';
import { modelStatus, type ModelStatusView } from './status/model-status';
import { HOOK_TOOL_NAMES } from './tools/run-tool';

export type { HookEvent } from './internal/hook-executor';

/** Options of {@link LocalAgent}. */
export interface LocalAgentOptions extends Partial<Omit<AgentSettings, 'modelDir' | 'unitNetworkEnabled'>> {
  /** The model dir (created on first use). */
  readonly modelDir: string;
  /** Called after every hook, for progress output. */
  readonly onHook?: (event: HookEvent) => void;
  /** Builds a layer given to `deploy` (default: none, so only built charms deploy). */
  readonly buildLayer?: BuildLayer;
  /** How long to wait for the model lock (default 10 minutes). */
  readonly lockTimeoutMs?: number;
  /** Clock for status timestamps (ISO strings). */
  readonly now?: () => string;
  /**
   * Gives each unit its own address on a bridge the agent owns (see `UnitNetwork`). Absent: every
   * unit reports `address` (the shared fallback).
   */
  readonly unitNetwork?: UnitNetwork;
}

/** Result of {@link LocalAgent.deploy}. */
export interface DeployResult {
  readonly application: string;
  readonly units: string[];
  readonly charmDir: string;
}

/** Result of {@link LocalAgent.refresh}. */
export interface RefreshResult extends RefreshPlan {
  readonly application: string;
  /** Units that queued `upgrade-charm` and `config-changed`. */
  readonly units: readonly string[];
  /** Charm files that changed (relative paths). */
  readonly written: readonly string[];
}

/** Result of {@link LocalAgent.runAction}. */
export interface ActionResult {
  readonly unit: string;
  readonly action: string;
  readonly status: 'completed' | 'failed';
  readonly message: string;
  readonly results: Record<string, unknown>;
}

/** Units left in error after a drain (their queues are paused until `resolve`). */
export interface DrainReport {
  readonly errors: Array<{ readonly unit: string; readonly message: string }>;
  readonly pending: number;
}

/**
 * The local, Juju-compatible agent. Each operation takes the model lock, changes the model,
 * queues hooks in Juju's order and drains the queues before it returns: hooks run as the unit's
 * `dispatch` with the Juju environment and the hook tools on `PATH` (shims talking to a socket
 * server in this process). No daemon: the next operation picks up where this one stopped.
 *
 * @example
 * ```ts
 * const agent = new LocalAgent({ modelDir: '.rxcharm/model', onHook: (e) => console.log(e) });
 * await agent.deploy('build/voting-app');
 * await agent.config('voting-app', ['vote_port=8080']);
 * console.log(agent.status());
 * ```
 */
export class LocalAgent {
  /** Absolute model dir. */
  readonly modelDir: string;
  private readonly store: ModelStore;
  /** Each unit's own address on the model's unit network (see `UnitNetwork`). */
  private readonly addresses: UnitAddressKeeper;
  /** The model's debug log (hook output, juju-log, hook results). */
  readonly debugLog: DebugLog;

  constructor(private readonly options: LocalAgentOptions) {
    this.modelDir = resolve(options.modelDir);
    this.store = new ModelStore(this.modelDir);
    this.debugLog = new DebugLog(join(this.modelDir, 'debug.log'));
    this.addresses = new UnitAddressKeeper(options.unitNetwork, () => this.sharedAddress(), this.debugLog);
  }

  /** A read-only snapshot of the model (no lock: the model file is replaced atomically). */
  state(): ModelState {
    return new ModelState(this.store.load(), this.options.now);
  }

  /** What `status` shows. */
  status(): ModelStatusView {
    return modelStatus(this.state(), () => this.sharedAddress());
  }

  /** Effective config of an application: every option with its value or default. */
  getConfig(app: string): Record<string, ConfigValue> {
    const record = this.state().app(app);
    return effectiveConfig(record.charm.config, record.config);
  }

  /**
   * Deploys a built charm (or a layer, built first when `buildLayer` is set) as `app` with `units`
   * units, after checking `config` against the charm's `config.yaml`.
   *
   * @throws CharmLoadError, ConfigValidationError, ModelOperationError (name taken or invalid).
   */
  async deploy(
    source: string,
    options: { app?: string; config?: readonly string[]; units?: number } = {},
  ): Promise<DeployResult> {
    const { charmPath, layer } = await this.charmFrom(source);
    const charm = loadCharmInfo(charmPath);
    const name = options.app ?? charm.name;
    const config = validateConfigAssignments(name, charm.config, options.config ?? []);
    return this.mutate((model) => {
      const charmDir = `applications/${name}/charm`;
      addApplication(model, { name, charm, charmDir, source: charmPath, config, ...(layer ? { layer } : {}) });
      const target = join(this.modelDir, charmDir);
      rmSync(join(this.modelDir, 'applications', name), { recursive: true, force: true });
      mkdirSync(join(this.modelDir, 'applications', name), { recursive: true });
      cpSync(charmPath, target, { recursive: true, verbatimSymlinks: true });
      const units = this.createUnits(model, name, options.units ?? 1);
      return { application: name, units: units.map((u) => u.name), charmDir: target };
    });
  }

  /**
   * Refreshes (upgrades) an application to a new build of its charm, as `juju refresh` does: the
   * application's and every unit's charm files are replaced (unit state kept), new config options
   * take their defaults, and each unit runs `upgrade-charm` then `config-changed`. Without `path`,
   * the layer the application was deployed from is built again (or its charm dir re-read).
   *
   * @throws CharmRefreshError (another charm name, or an endpoint still related is dropped: nothing
   *   changes), CharmLoadError, ModelLookupError.
   */
  async refresh(app: string, options: { path?: string } = {}): Promise<RefreshResult> {
    const record = this.state().app(app);
    const { charmPath, layer } = await this.charmFrom(options.path ?? record.layer ?? record.source);
    const charm = loadCharmInfo(charmPath);
    return this.mutate((model) => {
      const current = model.app(app);
      const plan = planRefresh(model, current, charm);
      const appCharm = join(this.modelDir, current.charmDir);
      const previous = listCharmFiles(appCharm);
      const units = applyRefresh(model, app, { charm, source: charmPath, ...(layer ? { layer } : {}) }, plan);
      for (const unit of model.unitsOf(app)) replaceCharmFiles(previous, charmPath, join(this.modelDir, unit.charmDir));
      const { written } = replaceCharmFiles(previous, charmPath, appCharm);
      return { application: app, units, ...plan, written };
    });
  }

  /**
   * Sets config values (validated first; nothing changes on error) and runs `config-changed`.
   *
   * @returns the keys whose value changed.
   */
  async config(app: string, assignments: readonly string[], reset: readonly string[] = []): Promise<string[]> {
    return this.mutate((model) => [...resetConfig(model, app, reset), ...setConfig(model, app, assignments)]);
  }

  /** Relates `app[:endpoint]` to `app[:endpoint]`, inferring endpoints when unambiguous. */
  async relate(a: string, b: string): Promise<RelationRecord> {
    return this.mutate((model) => relate(model, parseEndpointSpec(a), parseEndpointSpec(b)));
  }

  /** Removes the relation between the two endpoints (departed per unit, then broken). */
  async unrelate(a: string, b: string): Promise<RelationRecord> {
    return this.mutate((model) => unrelate(model, parseEndpointSpec(a), parseEndpointSpec(b)));
  }

  /** Adds units to an application; returns their names. */
  async addUnit(app: string, count = 1): Promise<string[]> {
    return this.mutate((model) => this.createUnits(model, app, count).map((u) => u.name));
  }

  /** Removes a unit (departed on the others, stop, broken, remove). */
  async removeUnit(unit: string): Promise<void> {
    await this.mutate((model) => {
      removeUnit(model, unit);
    });
  }

  /**
   * Destroys the model, as `juju destroy-model` does: every application is removed (each unit runs
   * its teardown hooks), then the unit network and its addresses are torn down and the model's
   * files deleted. A unit that fails a teardown hook stops the destroy (resolve it and run again).
   *
   * @throws ModelOperationError when a unit is left in error.
   */
  async destroyModel(): Promise<void> {
    if (!this.store.exists()) return;
    await this.mutate((model) => {
      for (const app of Object.values(model.data.applications)) if (!app.dying) removeApplication(model, app.name);
    });
    await this.store.withLock(async () => {
      const model = this.state();
      const stuck = report(model);
      if (stuck.errors.length > 0 || model.allUnits().length > 0)
        throw new ModelOperationError(
          `cannot destroy the model: ${stuck.errors.map((e) => `${e.unit} is in error (${e.message})`).join(', ') || 'units are left'}`,
        );
      await this.addresses.destroy(model);
      this.store.save(model.data);
      for (const entry of ['applications', 'units', 'builds', 'bin'])
        rmSync(join(this.modelDir, entry), { recursive: true, force: true });
      rmSync(this.store.file, { force: true });
    }, this.options.lockTimeoutMs);
  }

  /** Removes an application with all its units and relations. */
  async removeApplication(app: string): Promise<void> {
    await this.mutate((model) => {
      removeApplication(model, app);
    });
  }

  /** Clears a unit's error; with `retry` the failed hook runs again, else it is skipped. */
  async resolve(unit: string, retry = true): Promise<void> {
    await this.mutate((model) => resolveUnit(model, unit, retry));
  }

  /**
   * Runs `update-status` now on every unit of the model, of one application or one unit (Juju
   * runs it every five minutes; the local agent has no timer, so this is how to ask for it).
   *
   * @returns the units the hook was queued on.
   */
  async updateStatus(target?: string): Promise<string[]> {
    return this.mutate((model) => {
      const units =
        target === undefined
          ? model.allUnits().filter((u) => !u.dying)
          : target.includes('/')
            ? [model.unit(target)]
            : model.unitsOf(model.app(target).name);
      for (const unit of units) model.enqueue(unit, { hook: 'update-status' });
      return units.map((u) => u.name);
    });
  }

  /**
   * Drains every queue (picking up work a killed invocation left) and reports units in error.
   * With `timeoutMs`, stops starting hooks after that long.
   */
  async wait(timeoutMs?: number): Promise<DrainReport> {
    const deadline = timeoutMs === undefined ? undefined : Date.now() + timeoutMs;
    const shouldStop = deadline === undefined ? undefined : () => Date.now() > deadline;
    return this.store.withLock(async () => {
      const model = this.state();
      await this.addresses.ensureExisting(model, this.store.exists(), () => this.store.save(model.data));
      await this.drain(model, shouldStop);
      return report(model);
    }, timeoutMs ?? this.options.lockTimeoutMs);
  }

  /**
   * Runs an action on a unit (after draining its queue) and returns its results.
   *
   * @throws ModelLookupError for an unknown unit or action; ModelOperationError for bad params or a
   *   unit in error.
   */
  async runAction(unitName: string, action: string, args: readonly string[] = []): Promise<ActionResult> {
    return this.store.withLock(async () => {
      const model = this.state();
      const unit = model.unit(unitName);
      const app = model.app(unit.name.split('/')[0]!);
      const spec = app.charm.actions[action];
      if (spec === undefined) {
        const known = Object.keys(app.charm.actions).sort();
        throw new ModelLookupError(
          'action',
          `${app.name}:${action}`,
          known.length ? `actions: ${known.join(', ')}` : 'the charm has no actions',
        );
      }
      const params = actionParams(action, spec, args);
      await this.addresses.ensureExisting(model, this.store.exists(), () => this.store.save(model.data));
      await this.drain(model);
      if (unit.error !== null)
        throw new ModelOperationError(`unit ${unitName} is in error (${unit.error.message}); resolve it first`);
      if (model.findUnit(unitName) === undefined) throw new ModelLookupError('unit', unitName);
      const run = { name: action, params, results: {} as Record<string, unknown>, failed: false, failMessage: '' };
      const result = await this.withServer(model, (executor) => executor.runAction(unit, run));
      await this.drain(model);
      const failed = result.outcome === 'failed' || run.failed;
      const message = run.failed
        ? run.failMessage
        : result.outcome === 'failed'
          ? (result.reason ?? `exit code ${result.exitCode ?? 'none'}`)
          : '';
      return {
        unit: unitName,
        action,
        status: failed ? 'failed' : 'completed',
        message,
        results: {
          ...run.results,
          'return-code': result.exitCode ?? (result.outcome === 'skipped' ? 0 : 1),
          stdout: result.stdout,
          stderr: result.stderr,
        },
      };
    }, this.options.lockTimeoutMs);
  }

  /** Units in error and pending hooks right now. */
  report(): DrainReport {
    return report(this.state());
  }

  /** A deploy or refresh argument as a built charm dir: a layer is built first. */
  private async charmFrom(source: string): Promise<{ charmPath: string; layer?: string }> {
    const path = resolve(source);
    if (charmSourceKind(path) !== 'layer') return { charmPath: path };
    if (this.options.buildLayer === undefined)
      throw new ModelOperationError(`cannot deploy ${path}: it is a layer and no builder is configured`);
    return {
      charmPath: await this.options.buildLayer(path, join(this.modelDir, 'builds', basename(path))),
      layer: path,
    };
  }

  private createUnits(model: ModelState, app: string, count: number): UnitRecord[] {
    const units = addUnits(model, app, count);
    const source = join(this.modelDir, model.app(app).charmDir);
    for (const unit of units) {
      this.addresses.assign(model, unit);
      const dir = join(this.modelDir, unitDirName(unit.name));
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      cpSync(source, join(this.modelDir, unit.charmDir), { recursive: true, verbatimSymlinks: true });
    }
    return units;
  }

  /** Lock, load, change, save, drain, save. A throwing change leaves the model file untouched. */
  private async mutate<T>(change: (model: ModelState) => T): Promise<T> {
    return this.store.withLock(async () => {
      const model = this.state();
      const created = await this.addresses.ensure(model);
      let result: T;
      try {
        result = change(model);
      } catch (error) {
        // The model is not saved: a network created for it now would be known to no one.
        if (created) await this.addresses.discard(model);
        throw error;
      }
      this.addresses.sync(model);
      this.store.save(model.data);
      await this.drain(model);
      return result;
    }, this.options.lockTimeoutMs);
  }

  private async drain(model: ModelState, shouldStop?: () => boolean): Promise<void> {
    if (model.runnableUnits().length > 0) {
      await this.withServer(model, (executor) =>
        new HookScheduler(model, (unit, hook) => executor.runQueued(unit, hook), {
          parallel: this.options.parallel ?? true,
          ...(shouldStop === undefined ? {} : { shouldStop }),
        }).drain(),
      );
    }
    // Units removed by the drain release their addresses.
    this.addresses.sync(model);
    this.cleanDirs(model);
  }

  /** The address units without one of their own report (`RXCHARM_UNIT_ADDRESS`, docker0's...). */
  private sharedAddress(): string {
    return this.options.address ?? '127.0.0.1';
  }

  private async withServer<T>(model: ModelState, fn: (executor: HookExecutor) => Promise<T>): Promise<T> {
    const toolsDir = writeToolShims(join(this.modelDir, 'bin'), HOOK_TOOL_NAMES);
    const socketPath = this.socketPath();
    const executor = new HookExecutor({
      modelDir: this.modelDir,
      model,
      save: () => this.store.save(model.data),
      log: this.debugLog,
      socketPath,
      toolsDir,
      basePath: this.options.basePath ?? '/usr/local/bin:/usr/bin:/bin',
      toolSocket: this.options.toolSocket ?? true,
      address: this.sharedAddress(),
      ...(this.options.onHook === undefined ? {} : { onHook: this.options.onHook }),
    });
    const server = await HookToolServer.start(socketPath, (request) => executor.handleTool(request));
    try {
      return await fn(executor);
    } finally {
      await server.close();
    }
  }

  /** `<model>/agent.sock`, or a short path in the temp dir when that is too long for a socket. */
  private socketPath(): string {
    const path = join(this.modelDir, 'agent.sock');
    if (Buffer.byteLength(path) <= 100) return path;
    return join(tmpdir(), `rxcharm-${createHash('sha256').update(this.modelDir).digest('hex').slice(0, 16)}.sock`);
  }

  /** Removes the directories of units and applications that left the model. */
  private cleanDirs(model: ModelState): void {
    const units = new Set(model.allUnits().map((u) => unitDirName(u.name)));
    const unitsDir = join(this.modelDir, 'units');
    if (existsSync(unitsDir)) {
      for (const entry of readdirSync(unitsDir))
        if (!units.has(`units/${entry}`)) rmSync(join(unitsDir, entry), { recursive: true, force: true });
    }
    const appsDir = join(this.modelDir, 'applications');
    if (existsSync(appsDir)) {
      for (const entry of readdirSync(appsDir)) {
        if (model.data.applications[entry] === undefined)
          rmSync(join(appsDir, entry), { recursive: true, force: true });
      }
    }
  }
}

function report(model: ModelState): DrainReport {
  const units = model.allUnits();
  return {
    errors: units.filter((u) => u.error !== null).map((u) => ({ unit: u.name, message: u.error!.message })),
    pending: units.reduce((n, u) => n + u.queue.length, 0),
  };
}

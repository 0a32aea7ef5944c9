import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DockerClient } from '../docker';
import { isRxcharmError } from '../errors';
import type { TraceEvent } from '../reactive';
import { MemoryUnitStore, type JsonValue } from '../unit';
import { consistencyProblems, eventRelation } from './consistency';
import type { DockerAction } from './docker/docker-action';
import { FakeDockerClient } from './docker/fake-docker-client';
import { recordingDockerClient } from './docker/recording-docker-client';
import { InconsistentStateError, UncaughtHandlerError } from './errors';
import { toEvent, type EventInput, type HarnessEvent } from './events';
import { FakeHookTools, type ToolWorld } from './fake-hook-tools';
import { collectCharmFiles, materializeCharmDir } from './internal/charm-dir';
import { evaluateBundle } from './internal/evaluate-bundle';
import { loadCharm, type LoadCharmOptions, type LoadedCharm } from './load-charm';
import type { LogRecord } from './run-records';
import type { RunOutput } from './run-output';
import { relationId, state as normalize, type ConfigValue, type State, type StateInput } from './state';

/** Options of {@link Context}. */
export interface ContextOptions extends LoadCharmOptions {
  /**
   * Docker backend. Default: an in-memory daemon seeded from `state.docker` (its contents come
   * back in the output state). Pass a client (e.g. `new DockerodeClient()`) to talk to a real
   * daemon; calls are recorded either way.
   */
  readonly docker?: DockerClient;
  /** pino level of the records in `logs` (default `debug`). */
  readonly logLevel?: 'trace' | 'debug' | 'info' | 'warn' | 'error';
}

const LEVELS: Readonly<Record<number, string>> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

function parseLog(line: string, into: LogRecord[]): void {
  for (const text of line.split('\n')) {
    if (text.trim() === '') continue;
    try {
      const { level, time: _time, pid: _pid, hostname: _host, ...rest } = JSON.parse(text) as Record<string, unknown>;
      into.push({
        ...rest,
        level: typeof level === 'number' ? (LEVELS[level] ?? String(level)) : String(level),
        msg: String(rest.msg ?? ''),
      });
    } catch {
      into.push({ level: 'info', msg: text });
    }
  }
}

function hookEnv(
  s: State,
  event: HarnessEvent,
  charmDir: string,
  rid: string | undefined,
  logLevel: string,
): Record<string, string> {
  const env: Record<string, string> = {
    JUJU_UNIT_NAME: s.unitName,
    JUJU_CHARM_DIR: charmDir,
    JUJU_MODEL_NAME: s.modelName,
    JUJU_DISPATCH_PATH: `${event.kind === 'action' ? 'actions' : 'hooks'}/${event.name}`,
    RXCHARM_LOG_LEVEL: logLevel,
  };
  if (event.kind === 'action') env.JUJU_ACTION_NAME = event.name;
  if (event.relation !== undefined && rid !== undefined) {
    env.JUJU_RELATION = event.relation.endpoint;
    env.JUJU_RELATION_ID = rid;
    const remoteApp = s.relations.find((r) => relationId(r) === rid)?.remoteApp;
    if (remoteApp !== undefined) env.JUJU_REMOTE_APP = remoteApp;
  }
  if (event.remoteUnit !== undefined) env.JUJU_REMOTE_UNIT = event.remoteUnit;
  if (event.departingUnit !== undefined) env.JUJU_DEPARTING_UNIT = event.departingUnit;
  return env;
}

/**
 * The state-in → state-out test harness for a charm or layer.
 *
 * `new Context(dir)` resolves the layer stack as `rxcharm build` does and bundles its reactive
 * code with a private copy of the framework. Every `run` evaluates that bundle afresh (new
 * modules, new handler registry, new charm instances: nothing survives between runs but what
 * the output state holds), runs one hook through the real runtime (`runHook`) with hook tools
 * answered from the state, a memory unit store and a recording Docker backend, and returns a new
 * frozen state plus the hook's records. Runs of one context are serialized.
 *
 * @example
 * ```ts
 * const ctx = new Context('charms/voting-app');
 * const out = await ctx.run('install', { flags: ['docker.available'] });
 * expect(out.state.status.status).toBe('active');
 * ```
 */
export class Context {
  readonly dir: string;
  readonly #options: ContextOptions;
  #loaded: Promise<LoadedCharm> | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #base: string | undefined;

  constructor(charmOrLayerDir: string, options: ContextOptions = {}) {
    this.dir = charmOrLayerDir;
    this.#options = options;
  }

  /** Loads (once) and returns the charm: its declarations, files and bundle. @throws HarnessLoadError */
  load(): Promise<LoadedCharm> {
    this.#loaded ??= loadCharm(this.dir, this.#options);
    return this.#loaded;
  }

  /**
   * Runs one hook or action on a unit in state `input`.
   *
   * @param event a hook name (`'config-changed'`) or an event from the helpers (`relationChanged('redis', 'redis/0')`, `action('backup')`).
   * @param input the unit before the hook: a {@link State} or any part of one (defaults fill the rest).
   * @returns the new state and the hook's records.
   * @throws InconsistentStateError when Juju could never run `event` in `input` (the test is wrong).
   * @throws UncaughtHandlerError when the charm fails the hook; nothing but the status changed.
   * @throws HarnessLoadError when the charm cannot be loaded.
   */
  run(event: EventInput, input: StateInput = {}): Promise<RunOutput> {
    const next = this.#queue.then(() => this.#run(toEvent(event), input));
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Runs `events` in order, each on the state the previous one left.
   *
   * @returns one output per event (the last one's `state` is the end of the story).
   * @throws like {@link run}, at the first event that fails.
   */
  async runStory(events: readonly EventInput[], input: StateInput = {}): Promise<RunOutput[]> {
    const outputs: RunOutput[] = [];
    let current: StateInput = input;
    for (const event of events) {
      const out = await this.run(event, current);
      outputs.push(out);
      current = out.state;
    }
    return outputs;
  }

  async #run(event: HarnessEvent, input: StateInput): Promise<RunOutput> {
    const loaded = await this.load();
    const spec = loaded.spec;
    const s = normalize({
      ...input,
      unitName: input.unitName === undefined || input.unitName === '' ? `${spec.charmName}/0` : input.unitName,
    });
    const problems = consistencyProblems(spec, s, event);
    if (problems.length > 0)
      throw new InconsistentStateError(event.kind === 'action' ? `action ${event.name}` : event.name, problems);
    const rel = eventRelation(s, event);
    const rid = rel === undefined ? undefined : relationId(rel);

    const config: Record<string, ConfigValue> = {};
    for (const [k, o] of Object.entries(spec.config))
      config[k] = k in s.config ? (s.config[k] as ConfigValue) : o.default;
    const world: ToolWorld = {
      unitName: s.unitName,
      leader: s.leader,
      dying: s.dying,
      address: s.address,
      config,
      // Juju fills these keys of the unit's own bag in every relation.
      relations: structuredClone(s.relations).map((r) => ({
        ...r,
        localUnitData: {
          'egress-subnets': `${s.address}/32`,
          'ingress-address': s.address,
          'private-address': s.address,
          ...r.localUnitData,
        },
      })) as ToolWorld['relations'],
      openedPorts: [...s.openedPorts],
      status: { ...s.status },
      leaderData: { ...s.leaderData },
    };
    const tools = new FakeHookTools(world, event, rid);
    const dockerActions: DockerAction[] = [];
    const fake = this.#options.docker === undefined ? new FakeDockerClient(s.docker) : undefined;
    const docker = recordingDockerClient(
      fake ?? (this.#options.docker as DockerClient),
      (a) => dockerActions.push(a),
      fake === undefined ? undefined : (id) => fake.nameOf(id),
    );
    const store = new MemoryUnitStore({
      flags: [...s.flags],
      kv: structuredClone(s.kv) as Record<string, JsonValue>,
      config: s.appliedConfig === null ? null : { ...s.appliedConfig },
    });
    const logs: LogRecord[] = [];

    // One directory per context: paths the charm derives from its charm dir stay stable across runs.
    this.#base ??= mkdtempSync(join(tmpdir(), 'rxcharm-testing-'));
    const charmDir = join(this.#base, 'charm');
    try {
      materializeCharmDir(charmDir, loaded.files, s.files);
      const mod = evaluateBundle(loaded.code, spec.charmName);
      const outcome = await mod.runHook(mod.bundle, {
        env: hookEnv(s, event, charmDir, rid, this.#options.logLevel ?? 'debug'),
        tools,
        // The same door as `tools`: every `this.docker` of the run is this recording client.
        docker: () => docker,
        store,
        lock: false,
        logWrite: (line) => parseLog(line, logs),
      });
      const hook = outcome.hook;
      if (!outcome.ok) {
        const err = outcome.error;
        const handlerFailed = isRxcharmError(err) && err.code === 'HANDLER_FAILED';
        const partial = (err as { partial?: { trace?: TraceEvent[] } } | undefined)?.partial;
        const trace = outcome.dispatch?.trace ?? partial?.trace ?? [];
        throw new UncaughtHandlerError(
          outcome.reason ?? 'unknown failure',
          handlerFailed ? String(err.context.handler) : undefined,
          handlerFailed ? (err as Error).cause : err,
          {
            hook,
            state: s,
            trace: structuredClone(trace),
            logs,
            statusHistory: [...tools.records.statusHistory],
          },
        );
      }
      const unit = store.load();
      let relations = world.relations;
      if (event.relation?.kind === 'departed' && rid !== undefined && event.departingUnit !== undefined) {
        relations = relations.map((r) => {
          if (relationId(r) !== rid) return r;
          const { [event.departingUnit as string]: _gone, ...rest } = r.remoteUnits;
          return { ...r, remoteUnits: rest };
        });
      }
      if (event.relation?.kind === 'broken' && rid !== undefined)
        relations = relations.filter((r) => relationId(r) !== rid);
      const next = normalize({
        ...s,
        flags: unit.flags,
        kv: unit.kv,
        appliedConfig: (unit.config as Record<string, ConfigValue> | null) ?? null,
        relations,
        openedPorts: [...world.openedPorts].sort(),
        status: world.status,
        leaderData: world.leaderData,
        files: collectCharmFiles(charmDir, loaded.files),
        docker: fake?.snapshot() ?? s.docker,
      });
      const records = tools.records;
      return deepFreeze(
        structuredClone({
          state: next,
          hook,
          invoked: outcome.dispatch?.invoked ?? [],
          statusHistory: records.statusHistory,
          published: records.published,
          logs,
          trace: outcome.dispatch?.trace ?? [],
          dockerActions,
          actionResults: records.actionResults,
          ...(records.actionFailure === undefined ? {} : { actionFailure: records.actionFailure }),
          ...(records.applicationVersion === undefined ? {} : { applicationVersion: records.applicationVersion }),
        }),
      );
    } finally {
      rmSync(charmDir, { recursive: true, force: true });
    }
  }

  /** Removes the context's temporary directory (each run already empties it). */
  async dispose(): Promise<void> {
    await this.#queue;
    if (this.#base !== undefined) rmSync(this.#base, { recursive: true, force: true });
    this.#base = undefined;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.dispose();
  }
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Config,
  configFlags,
  createHookLogger,
  hookContextFromEnv,
  isConfigFlag,
  JujuLogForwarder,
  hookToolRunner,
  ProcessHookTools,
  Redactor,
  validateConfigValues,
  type ConfigOptionValue,
  type ConfigSchema,
  type HookContext,
  type HookEnv,
  type HookLogger,
  type HookTools,
} from '../hookenv';
import {
  endpointArgsForFlags,
  endpointFlagPlan,
  isHookScopedEndpointFlag,
  publishEndpoints,
  readEndpointSnapshots,
  type Endpoint,
  type EndpointSnapshot,
} from '../endpoints';
import { Dispatcher, HandlerRegistry, type DispatchResult, type RegisteredHandler } from '../reactive';
import {
  beginTransaction,
  FileUnitStore,
  withUnitLock,
  type JsonValue,
  type UnitStore,
  type UnitTransaction,
} from '../unit';
import type { DockerClientFactory } from '../charm/docker-client';
import type { CharmBundle } from './charm-bundle';
import { CHARM_FILES_CACHE, type CharmMetadata } from '../charm';
import { loadCharmFiles } from './charm-files';
import { failureReason } from './failure-reason';
import { defaultDockerFactory, lazyDockerClient } from './hook-docker';
import { writeHookTrace } from './hook-trace-file';
import { runInHook, type HookRuntime } from './hook-runtime';
import { PortBuffer } from './port-buffer';
import { bindEndpoints, registerBundle } from './register-bundle';
import { ActionNotImplementedError } from './runtime-errors';
import { createStatusHelper } from './status-helper';

/** Injectable dependencies of {@link runHook}; everything defaults to the real thing. */
export interface RunHookDeps {
  /** The hook environment (`process.env` in `run()`); the only source of context. */
  readonly env: HookEnv;
  readonly argv?: readonly string[];
  /** Hook-tool client; default `ProcessHookTools` over {@link hookToolRunner} (the tools on `env.PATH`). */
  readonly tools?: HookTools;
  /**
   * Makes the hook's Docker client (`Charm.docker`), called at most once, on first use; default a
   * `DockerodeClient` on the charm's `docker_host` config, else `DOCKER_HOST` and the TLS
   * variables of `env`. The test harness passes its fake through here, as it does `tools`.
   */
  readonly docker?: DockerClientFactory;
  /** Unit store; default `FileUnitStore(<charm dir>)`. */
  readonly store?: UnitStore;
  /** Root logger; default a pino logger on stderr (plus juju-log under an agent). */
  readonly logger?: HookLogger;
  /** Where the default logger writes lines (default: stderr). */
  readonly logWrite?: (line: string) => void;
  /** Reads a file of the charm dir (`metadata.yaml`, `config.yaml`); undefined if absent. */
  readonly readCharmFile?: (name: string) => string | undefined;
  /** Take the per-unit hook lock (default: only when using the default file store). */
  readonly lock?: boolean;
  /** Share a redactor with the caller (e.g. to assert on it). */
  readonly redactor?: Redactor;
}

/** What {@link runHook} did. It never throws: every failure is an outcome. */
export interface HookOutcome {
  readonly ok: boolean;
  /** 0 on success, 1 on failure (what `run()` exits with). */
  readonly exitCode: number;
  /** Hook name (`config-changed`) or `action:<name>`; `''` when the environment was unusable. */
  readonly hook: string;
  /** One line: why it failed, naming the handler if one threw. */
  readonly reason?: string;
  readonly error?: unknown;
  /** What the dispatcher did; on failure the partial result, with secrets redacted. */
  readonly dispatch?: DispatchResult;
  /** Number of `relation-set` calls made at commit. */
  readonly published: number;
}

const HASH_KEY = (endpoint: string): string => `rxcharm.endpoint.${endpoint}.hashes`;

function defaultReader(charmDir: string): (name: string) => string | undefined {
  return (name) => {
    try {
      return readFileSync(join(charmDir, name), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  };
}

function defaultsOf(schema: ConfigSchema): Record<string, ConfigOptionValue> {
  const out: Record<string, ConfigOptionValue> = {};
  for (const [k, o] of Object.entries(schema)) out[k] = o.default;
  return out;
}

function writeStderr(line: string): void {
  process.stderr.write(line.endsWith('\n') ? line : `${line}\n`);
}

/**
 * Runs one hook of a built charm and reports the outcome, without exiting: the body of
 * {@link run}, and the entry point of the test harness.
 *
 * Order: read the context; lock the unit; parse metadata.yaml and config.yaml; open the unit
 * transaction; read and validate config, set the config flags; read relations, set the endpoint
 * flags; dispatch (`action:<name>` for actions); then, only if every handler succeeded, clear the
 * hook-scoped flags, send relation data (`relation-set`) and ports, and commit the store. Any
 * failure rolls the transaction back: the unit store is left exactly as it was.
 */
export async function runHook(bundle: CharmBundle, deps: RunHookDeps): Promise<HookOutcome> {
  let context: HookContext;
  try {
    context = hookContextFromEnv(deps.env, deps.argv ?? []);
  } catch (e) {
    (deps.logWrite ?? writeStderr)(`rxcharm: cannot start hook: ${failureReason(e)}\n`);
    return { ok: false, exitCode: 1, hook: '', reason: failureReason(e), error: e, published: 0 };
  }
  const redactor = deps.redactor ?? new Redactor();
  // Under rxcharm's local agent, tool calls go straight to its socket instead of one shim process each.
  const tools =
    deps.tools ?? new ProcessHookTools({ runner: hookToolRunner({ env: deps.env, cwd: context.charmDir }), redactor });
  const write = deps.logWrite ?? writeStderr;
  const underAgent = context.contextId !== undefined || context.agentSocket !== undefined;
  const forwarder =
    deps.logger === undefined && underAgent ? new JujuLogForwarder(tools, (m) => write(`${m}\n`)) : undefined;
  const root =
    deps.logger ??
    createHookLogger({
      level: context.logLevel,
      pretty: context.logPretty || (deps.logWrite === undefined && process.stderr.isTTY === true),
      redactor,
      write,
      jujuLog: forwarder,
      base: { unit: context.unitName, hook: context.hookName },
    });
  const store = deps.store ?? new FileUnitStore(context.charmDir);
  const body = async (): Promise<HookOutcome> => {
    // A unit's own files and store (not a test's): parsing them is cached in the unit state dir.
    const own = deps.readCharmFile === undefined && deps.store === undefined;
    const outcome = await executeHook(bundle, {
      context,
      tools,
      docker: deps.docker ?? defaultDockerFactory(deps.env),
      redactor,
      root,
      store,
      read: deps.readCharmFile ?? defaultReader(context.charmDir),
      ...(own ? { filesCache: join(context.charmDir, CHARM_FILES_CACHE) } : {}),
    });
    // A unit's own store (not a test's): keep the trace for `rxcharm trace <unit>`.
    if (deps.store === undefined)
      writeHookTrace(context.charmDir, { unit: context.unitName, ...outcome }, (e) =>
        root.warn({ err: e }, 'cannot write hook trace'),
      );
    return outcome;
  };
  try {
    return (deps.lock ?? deps.store === undefined) ? await withUnitLock(context.charmDir, body) : await body();
  } catch (e) {
    // Only lock failures get here: executeHook reports its own.
    root.error({ err: e }, `hook failed: ${failureReason(e)}`);
    return { ok: false, exitCode: 1, hook: context.hookName, reason: failureReason(e), error: e, published: 0 };
  } finally {
    await forwarder?.flush();
  }
}

interface HookParts {
  readonly context: HookContext;
  readonly tools: HookTools;
  readonly docker: DockerClientFactory;
  readonly redactor: Redactor;
  readonly root: HookLogger;
  readonly store: UnitStore;
  readonly read: (name: string) => string | undefined;
  /** Parse cache of metadata.yaml/config.yaml (real hooks only, see charm-files.ts). */
  readonly filesCache?: string;
}

async function executeHook(bundle: CharmBundle, parts: HookParts): Promise<HookOutcome> {
  const { context, tools, redactor, root } = parts;
  const log = root.child({ module: 'runtime' });
  const hook = context.kind === 'action' ? `action:${context.hookName}` : context.hookName;
  let tx: UnitTransaction | undefined;
  let dispatch: DispatchResult | undefined;
  try {
    const { meta, schema } = loadCharmFiles(context.charmDir, parts.read, parts.filesCache);
    tx = beginTransaction(parts.store);
    log.debug({ flags: tx.flags.list() }, 'hook started');

    const config = await loadConfig(tools, schema, tx, redactor);
    const endpoints = await loadEndpoints(bundle, meta, parts, tx);
    const docker = lazyDockerClient(parts.docker, config);
    const status = createStatusHelper((s, message) => log.debug({ status: s, message }, 'status collected'));
    const runtime: HookRuntime = {
      context,
      config,
      kv: tx.kv,
      tools,
      get docker() {
        return docker();
      },
      redactor,
      endpoints,
      logger: root.child({ module: 'charm' }),
      status,
      ports: new PortBuffer(),
      layerOptions: bundle.layerOptions,
    };
    const registry = new HandlerRegistry();
    registerBundle(registry, bundle, bindEndpoints(bundle, meta.roles), {
      endpoint: (name) => endpoints.get(name) as Endpoint,
      charm: (Class) => new Class(),
    });
    const names = new Set(endpoints.keys());
    const relationEndpoint = context.relationName === undefined ? undefined : endpoints.get(context.relationName);
    const resolveArgs = (h: RegisteredHandler): unknown[] => {
      if (h.source?.layer.startsWith('interface:') === true) return [];
      // @hook handlers of a relation hook get that relation's endpoint (as in charms.reactive).
      if (h.hooks.length > 0) return relationEndpoint === undefined ? [] : [relationEndpoint];
      return endpointArgsForFlags(h.whenAll, names).map((n) => endpoints.get(n));
    };
    if (context.kind === 'action' && !registry.handlers.some((h) => h.actions.includes(context.hookName))) {
      throw new ActionNotImplementedError(context.hookName);
    }
    const { flags, kv } = tx;
    dispatch = await runInHook(runtime, () =>
      new Dispatcher({ registry, flags, kv, endpoints: meta.roles, resolveArgs }).dispatch(hook),
    );
    log.debug({ invoked: dispatch.invoked, iterations: dispatch.iterations }, 'dispatch finished');

    // Success: hook-scoped flags go, then Juju-side effects, then the store (see docs/hook-runtime.md).
    for (const f of flags.list()) if (isConfigFlag(f) || isHookScopedEndpointFlag(f)) flags.clear(f, 'runtime');
    const published = await publishEndpoints(tools, endpoints.values());
    await runtime.ports.flush(tools);
    await status.flush(tools, tx.kv);
    tx.commit({ config: config.all() as Record<string, JsonValue> });
    log.debug({ published }, 'hook committed');
    return { ok: true, exitCode: 0, hook, dispatch, published };
  } catch (e) {
    if (tx?.status === 'open') tx.rollback();
    const reason = failureReason(e);
    log.error({ err: e }, `hook failed: ${reason}`);
    if (context.kind === 'action') {
      await tools.actionFail(redactor.redactString(reason)).catch(() => undefined);
    }
    // The partial trace (handler.failed carries the error message) may be stored or printed: redact it.
    const partial = dispatch ?? (e as { partial?: DispatchResult } | undefined)?.partial;
    const shown = partial === undefined ? undefined : (redactor.redactValue(partial) as DispatchResult);
    return {
      ok: false,
      exitCode: 1,
      hook,
      reason: redactor.redactString(reason),
      error: e,
      dispatch: shown,
      published: 0,
    };
  }
}

async function loadConfig(
  tools: HookTools,
  schema: ConfigSchema,
  tx: UnitTransaction,
  redactor: Redactor,
): Promise<Config> {
  const values = validateConfigValues(schema, await tools.configGet());
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === 'string' && (schema[key]?.type === 'secret' || redactor.isSecretKey(key)))
      redactor.markSecret(value);
  }
  const previous = tx.previousConfig as Record<string, ConfigOptionValue> | null;
  for (const f of tx.flags.list()) if (isConfigFlag(f)) tx.flags.clear(f, 'runtime');
  for (const f of configFlags(previous, values, defaultsOf(schema))) tx.flags.set(f, 'runtime');
  return new Config(schema, values, previous);
}

async function loadEndpoints(
  bundle: CharmBundle,
  meta: CharmMetadata,
  parts: HookParts,
  tx: UnitTransaction,
): Promise<Map<string, Endpoint>> {
  const bindings = bindEndpoints(bundle, meta.roles);
  const endpoints = new Map<string, Endpoint>();
  if (bindings.length === 0) return endpoints;
  // Leadership only matters for relation data: a unit without relations is not asked.
  let isLeader = false;
  const snapshots = await readEndpointSnapshots(parts.tools, meta.roles, parts.context, async () => {
    isLeader = await parts.tools.isLeader();
    return isLeader;
  });
  const byName = new Map<string, EndpointSnapshot>(snapshots.map((s) => [s.name, s]));
  for (const b of bindings) {
    const snapshot = byName.get(b.name) as EndpointSnapshot;
    markSecretData(snapshot, parts.redactor);
    const plan = endpointFlagPlan({
      endpoint: b.name,
      relations: snapshot.relations,
      previousHashes: tx.kv.get<Record<string, Record<string, string>>>(HASH_KEY(b.name)) ?? {},
      departedNow: snapshot.departed.length > 0,
      currentFlags: tx.flags.list(),
    });
    for (const f of plan.clear) tx.flags.clear(f, 'runtime');
    for (const f of plan.set) tx.flags.set(f, 'runtime');
    tx.kv.set(HASH_KEY(b.name), plan.hashes);
    endpoints.set(b.name, new b.Class({ snapshot, isLeader }));
  }
  return endpoints;
}

/** Values received under secret-looking keys are redacted wherever they show up later. */
function markSecretData(snapshot: EndpointSnapshot, redactor: Redactor): void {
  for (const rel of snapshot.relations) {
    for (const bag of [...Object.values(rel.units), rel.appData, rel.localUnit, rel.localApp]) {
      for (const [k, v] of Object.entries(bag)) if (redactor.isSecretKey(k)) redactor.markSecret(v);
    }
  }
}

import { HookEnvError } from './hook-env-error';

/** What kind of event the process was started for. */
export type HookKind = 'hook' | 'action';

/**
 * Everything Juju tells a hook process through its environment, read once.
 *
 * Frozen: handlers can share it freely. Optional fields are `undefined` when the variable is
 * absent *or empty* (Juju sets `JUJU_REMOTE_UNIT=""` in created/broken hooks).
 */
export interface HookContext {
  readonly unitName: string;
  readonly appName: string;
  readonly charmDir: string;
  /** Hook name (`config-changed`, `db-relation-joined`) or, for actions, the action name. */
  readonly hookName: string;
  readonly kind: HookKind;
  /** `hooks/<name>` or `actions/<name>`, as Juju passes it (derived when absent). */
  readonly dispatchPath: string;
  readonly relationName?: string;
  /** Relation id as Juju prints it: `<endpoint>:<n>`. */
  readonly relationId?: string;
  readonly remoteUnit?: string;
  readonly remoteApp?: string;
  readonly departingUnit?: string;
  readonly actionName?: string;
  readonly actionUuid?: string;
  readonly modelName?: string;
  readonly modelUuid?: string;
  readonly contextId?: string;
  /** `JUJU_AGENT_SOCKET_ADDRESS`: set when a (real or local) agent serves the hook tools. */
  readonly agentSocket?: string;
  readonly jujuVersion?: string;
  /** `RXCHARM_LOG_PRETTY=1`: human-readable log lines on stderr. */
  readonly logPretty: boolean;
  /** `RXCHARM_LOG_LEVEL` (pino level name), default `info`. */
  readonly logLevel: string;
}

/** An environment as a plain object, so tests never touch `process.env`. */
export type HookEnv = Readonly<Record<string, string | undefined>>;

const RELATION_ID = /^[a-z][a-z0-9-]*:\d+$/;
const UNIT_NAME = /^([a-z][a-z0-9-]*)\/\d+$/;
const LOG_LEVELS: ReadonlySet<string> = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']);

function nonEmpty(env: HookEnv, key: string): string | undefined {
  const value = env[key];
  return value === undefined || value === '' ? undefined : value;
}

function basename(path: string): string {
  const parts = path.split('/').filter((p) => p !== '');
  return parts[parts.length - 1] ?? '';
}

interface HookIdentity {
  hookName: string;
  kind: HookKind;
  dispatchPath: string;
}

/** Hook name: `JUJU_DISPATCH_PATH` first (dispatch-aware Juju), then `JUJU_HOOK_NAME`, then argv[1]. */
function identify(env: HookEnv, argv: readonly string[]): HookIdentity | undefined {
  const dispatch = nonEmpty(env, 'JUJU_DISPATCH_PATH');
  if (dispatch !== undefined) {
    const parts = dispatch.split('/').filter((p) => p !== '');
    const name = parts[parts.length - 1];
    const dir = parts[parts.length - 2];
    if (name !== undefined && name !== 'dispatch') {
      const kind: HookKind = dir === 'actions' ? 'action' : 'hook';
      return { hookName: name, kind, dispatchPath: `${kind === 'action' ? 'actions' : 'hooks'}/${name}` };
    }
  }
  const actionName = nonEmpty(env, 'JUJU_ACTION_NAME');
  if (actionName !== undefined) return { hookName: actionName, kind: 'action', dispatchPath: `actions/${actionName}` };
  const hookName = nonEmpty(env, 'JUJU_HOOK_NAME');
  if (hookName !== undefined) return { hookName, kind: 'hook', dispatchPath: `hooks/${hookName}` };
  const script = argv[1];
  if (script !== undefined) {
    const name = basename(script);
    // A bundled entry (`charm.js`, `dispatch`) carries no hook name; only hook stubs do.
    if (name !== '' && name !== 'dispatch' && !name.includes('.')) {
      return { hookName: name, kind: 'hook', dispatchPath: `hooks/${name}` };
    }
  }
  return undefined;
}

/**
 * Reads the Juju hook environment into a frozen {@link HookContext}.
 *
 * This is the only function in rxcharm that looks at the environment; pass `process.env` and
 * `process.argv` from the entry point, or a plain object in tests. `HOME` is never needed.
 *
 * @throws HookEnvError naming every missing required variable (`JUJU_UNIT_NAME`,
 *   `JUJU_CHARM_DIR` or `CHARM_DIR`, and a hook name) and every malformed one (including an
 *   unknown `RXCHARM_LOG_LEVEL`).
 */
export function hookContextFromEnv(env: HookEnv, argv: readonly string[] = []): HookContext {
  const missing: string[] = [];
  const invalid: Record<string, string> = {};
  const unitName = nonEmpty(env, 'JUJU_UNIT_NAME');
  if (unitName === undefined) missing.push('JUJU_UNIT_NAME');
  else if (!UNIT_NAME.test(unitName)) invalid.JUJU_UNIT_NAME = `expected <application>/<number>, got "${unitName}"`;
  const charmDir = nonEmpty(env, 'JUJU_CHARM_DIR') ?? nonEmpty(env, 'CHARM_DIR');
  if (charmDir === undefined) missing.push('JUJU_CHARM_DIR');
  const identity = identify(env, argv);
  if (identity === undefined) missing.push('JUJU_DISPATCH_PATH (or JUJU_HOOK_NAME)');
  const relationId = nonEmpty(env, 'JUJU_RELATION_ID');
  if (relationId !== undefined && !RELATION_ID.test(relationId)) {
    invalid.JUJU_RELATION_ID = `expected <endpoint>:<number>, got "${relationId}"`;
  }
  const logLevel = nonEmpty(env, 'RXCHARM_LOG_LEVEL');
  if (logLevel !== undefined && !LOG_LEVELS.has(logLevel)) {
    invalid.RXCHARM_LOG_LEVEL = `expected one of ${[...LOG_LEVELS].join(', ')}, got "${logLevel}"`;
  }
  const invalidKeys = Object.keys(invalid);
  if (missing.length > 0 || invalidKeys.length > 0) {
    const parts = [
      ...(missing.length > 0 ? [`missing ${missing.join(', ')}`] : []),
      ...invalidKeys.map((k) => `${k}: ${invalid[k]}`),
    ];
    throw new HookEnvError(
      `hook environment incomplete: ${parts.join('; ')}\n` +
        "A hook must be started by a Juju agent (or rxcharm's local agent / test harness), which sets these variables.",
      missing,
      invalid,
    );
  }
  const id = identity as HookIdentity;
  const unit = unitName as string;
  const remoteUnit = nonEmpty(env, 'JUJU_REMOTE_UNIT');
  const context: HookContext = {
    unitName: unit,
    appName: unit.slice(0, unit.lastIndexOf('/')),
    charmDir: charmDir as string,
    hookName: id.hookName,
    kind: id.kind,
    dispatchPath: id.dispatchPath,
    relationName: nonEmpty(env, 'JUJU_RELATION') ?? relationId?.slice(0, relationId.lastIndexOf(':')),
    relationId,
    remoteUnit,
    remoteApp: nonEmpty(env, 'JUJU_REMOTE_APP') ?? remoteUnit?.slice(0, remoteUnit.lastIndexOf('/')),
    departingUnit: nonEmpty(env, 'JUJU_DEPARTING_UNIT'),
    actionName: id.kind === 'action' ? id.hookName : undefined,
    actionUuid: nonEmpty(env, 'JUJU_ACTION_UUID'),
    modelName: nonEmpty(env, 'JUJU_MODEL_NAME'),
    modelUuid: nonEmpty(env, 'JUJU_MODEL_UUID'),
    contextId: nonEmpty(env, 'JUJU_CONTEXT_ID'),
    agentSocket: nonEmpty(env, 'JUJU_AGENT_SOCKET_ADDRESS'),
    jujuVersion: nonEmpty(env, 'JUJU_VERSION'),
    logPretty: env.RXCHARM_LOG_PRETTY === '1',
    logLevel: logLevel ?? 'info',
  };
  return Object.freeze(context);
}

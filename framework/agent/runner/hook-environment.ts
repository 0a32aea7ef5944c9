import { HOOK_TOOL_SOCKET_ENV } from '../../charm';
import type { QueuedHook } from '../model/types';

/** Version the local agent reports as `JUJU_VERSION` (a Juju 3 that runs `dispatch`). */
export const AGENT_JUJU_VERSION = '3.6.0';

/** Inputs of {@link hookEnvironment}. */
export interface HookEnvironmentOptions {
  readonly unit: string;
  readonly charmDir: string;
  readonly contextId: string;
  readonly socketPath: string;
  readonly modelName: string;
  readonly modelUuid: string;
  /** The shims dir, put first on `PATH`. */
  readonly toolsDir: string;
  /** The agent's own `PATH`, appended after the shims. */
  readonly basePath: string;
  /**
   * Offer the hook-tool socket transport ({@link HOOK_TOOL_SOCKET_ENV}): the hook may then send
   * its tool calls over {@link socketPath} itself. Default true.
   */
  readonly toolSocket?: boolean;
  /** The hook (with its relation context), or null for an action. */
  readonly hook: QueuedHook | null;
  /** Relation key `<endpoint>:<id>` for relation hooks. */
  readonly relationKey?: string;
  /** Endpoint name for relation hooks. */
  readonly relationName?: string;
  readonly action?: { readonly name: string; readonly id: string };
}

/**
 * The environment of a hook process, exactly Juju's set (reference C.3): nothing inherited from
 * the agent but `PATH` (after the tools dir), and no `HOME`.
 */
export function hookEnvironment(options: HookEnvironmentOptions): Record<string, string> {
  const env: Record<string, string> = {
    CHARM_DIR: options.charmDir,
    JUJU_CHARM_DIR: options.charmDir,
    JUJU_CONTEXT_ID: options.contextId,
    JUJU_AGENT_SOCKET_ADDRESS: options.socketPath,
    JUJU_AGENT_SOCKET_NETWORK: 'unix',
    JUJU_UNIT_NAME: options.unit,
    JUJU_MODEL_NAME: options.modelName,
    JUJU_MODEL_UUID: options.modelUuid,
    JUJU_VERSION: AGENT_JUJU_VERSION,
    JUJU_API_ADDRESSES: '',
    JUJU_MACHINE_ID: '0',
    JUJU_PRINCIPAL_UNIT: '',
    JUJU_AVAILABILITY_ZONE: '',
    JUJU_SLA: 'unsupported',
    JUJU_CHARM_HTTP_PROXY: '',
    JUJU_CHARM_HTTPS_PROXY: '',
    JUJU_CHARM_FTP_PROXY: '',
    JUJU_CHARM_NO_PROXY: '',
    LANG: 'C.UTF-8',
    DEBIAN_FRONTEND: 'noninteractive',
    APT_LISTCHANGES_FRONTEND: 'none',
    PATH: options.basePath ? `${options.toolsDir}:${options.basePath}` : options.toolsDir,
  };
  // Not Juju's: rxcharm's own offer of the shims' protocol to the charm (docs/hook-runtime.md).
  if (options.toolSocket !== false) env[HOOK_TOOL_SOCKET_ENV] = '1';
  if (options.action !== undefined) {
    env.JUJU_DISPATCH_PATH = `actions/${options.action.name}`;
    env.JUJU_ACTION_NAME = options.action.name;
    env.JUJU_ACTION_UUID = options.action.id;
    env.JUJU_ACTION_TAG = `action-${options.action.id}`;
    return env;
  }
  const hook = options.hook;
  if (hook === null) return env;
  env.JUJU_HOOK_NAME = hook.hook;
  env.JUJU_DISPATCH_PATH = `hooks/${hook.hook}`;
  if (hook.relationId !== undefined) {
    env.JUJU_RELATION = options.relationName ?? '';
    env.JUJU_RELATION_ID = options.relationKey ?? String(hook.relationId);
    env.JUJU_REMOTE_UNIT = hook.remoteUnit ?? '';
    env.JUJU_REMOTE_APP = hook.remoteApp ?? '';
    if (hook.departingUnit !== undefined) env.JUJU_DEPARTING_UNIT = hook.departingUnit;
  }
  return env;
}

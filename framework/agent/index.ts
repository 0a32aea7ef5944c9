/**
 * `framework/agent`: rxcharm's local, Juju-compatible agent.
 *
 * Who uses it: the `rxcharm deploy/config/relate/...` commands, and tests or scripts that drive
 * a local model in-process. A model lives in a state dir; every operation takes the model lock,
 * changes the model, then runs the queued hooks (the charm's `dispatch` with Juju's environment
 * and hook tools on `PATH`) before it returns. Stability: the names below are public API;
 * `internal/` is not.
 *
 * @example
 * ```ts
 * import { LocalAgent, agentSettingsFromEnv } from './framework/agent';
 * const settings = agentSettingsFromEnv(process.env);
 * const agent = new LocalAgent({ ...settings, onHook: (e) => console.log(describeHookEvent(e)) });
 * await agent.deploy('build/voting-app', { config: ['vote_port=8080'] });
 * ```
 */
export {
  LocalAgent,
  type LocalAgentOptions,
  type DeployResult,
  type ActionResult,
  type DrainReport,
  type RefreshResult,
  type HookEvent,
} from './local-agent';
export { describe as describeHookEvent } from './internal/hook-executor';
export type { ModelHost, ModelSession } from './model-host';
export { AgentDaemon, type AgentDaemonOptions } from './daemon/agent-daemon';
export { ForwardingAgent } from './daemon/forwarding-agent';
export { UnitLanes, type UnitLanesOptions } from './daemon/unit-lanes';
export { HookRetries, type HookRetriesOptions } from './daemon/hook-retries';
export { retryDelayMs, RETRY_BASE_MS, RETRY_CAP_MS } from './daemon/retry-backoff';
export { parseJujuDuration } from './daemon/juju-duration';
export { acquireAgentLock, runningAgentPid, AGENT_PID_FILE, type AgentLock } from './daemon/agent-lock';
export {
  MODEL_SETTINGS,
  modelSettingsView,
  agentModelSettings,
  validateModelSettings,
  type ModelSettingView,
} from './daemon/model-settings';
export {
  AgentRunningError,
  AgentConnectionError,
  AgentRequestError,
  DurationSyntaxError,
  ModelSettingsError,
} from './daemon/daemon-errors';
export { agentSettingsFromEnv, defaultUnitAddress, type AgentSettings } from './agent-settings';
export { DEFAULT_MODEL_DIR } from '../charm';
export { parseIpAddrOutput, pickUnitAddress, readHostAddresses, type HostAddress } from './host-address';
export { UnitNetwork, UNIT_NETWORK_LABEL } from './network/unit-network';
export { IprouteHostInterfaces, parseRoutes, type HostInterfaces } from './network/host-interfaces';
export { MemoryHostInterfaces } from './network/memory-host-interfaces';
export {
  candidateSubnets,
  nextUnitAddress,
  pickSubnet,
  subnetContains,
  subnetLayout,
  type UnitSubnetLayout,
} from './network/address-plan';
export { charmSourceKind, defaultBuildLayer, type BuildLayer, type CharmSourceKind } from './charm-source';
export { ModelState, appOfUnit, STATUS_HISTORY_LIMIT } from './model/model-state';
export { ModelStore, MODEL_FILE } from './model/model-store';
export { loadCharmInfo } from './model/load-charm-info';
export { validateConfigAssignments, effectiveConfig, parseConfigValue } from './model/config-values';
export { HookScheduler, type HookSchedulerOptions, type RunQueuedHook } from './scheduler/hook-scheduler';
export { HookToolServer, type ToolRequestHandler } from './server/hook-tool-server';
export type { ToolRequest, ToolResponse } from '../charm';
export { writeToolShims, SHIM_SCRIPT } from './server/write-tool-shims';
export { HOOK_TOOL_NAMES, runTool, type ToolResult } from './tools/run-tool';
export { hookEnvironment, AGENT_JUJU_VERSION, type HookEnvironmentOptions } from './runner/hook-environment';
export { DebugLog, matchesUnit, parseLogLine, type DebugLogRecord } from './runner/debug-log';
export {
  modelStatus,
  formatStatusTable,
  type ModelStatusView,
  type ApplicationStatusView,
  type UnitStatusView,
  type RelationStatusView,
} from './status/model-status';
export {
  AgentError,
  ConfigValidationError,
  ModelLookupError,
  ModelOperationError,
  CharmLoadError,
  ModelFileError,
  ModelLockError,
  UnitNetworkError,
  CharmRefreshError,
} from './errors';
export { planRefresh, applyRefresh, type RefreshPlan } from './model/refresh-ops';
export type {
  ModelData,
  ApplicationRecord,
  UnitRecord,
  RelationRecord,
  RelationEndpointRef,
  QueuedHook,
  StatusEntry,
  WorkloadStatusName,
  CharmInfo,
  CharmEndpoint,
  CharmAction,
  ConfigOption,
  ConfigOptionType,
  ConfigValue,
  EndpointRole,
} from './model/types';

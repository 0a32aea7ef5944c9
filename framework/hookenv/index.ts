/**
 * `hookenv`: the Juju hook protocol. The hook context read from the environment, a typed client
 * for every hook tool with typed errors, config typed from config.yaml with layer:basic's
 * config flags, and logging (pino, juju-log bridge, redaction).
 */
export { hookContextFromEnv } from './hook-context';
export type { HookContext, HookEnv, HookKind } from './hook-context';
export { HookEnvError } from './hook-env-error';
export { Redactor, REDACTED, SECRET_KEY_PATTERN } from './redactor';

export type {
  HookTools,
  JujuLogLevel,
  NetworkInfo,
  GoalState,
  GoalStateStatus,
  PortProtocol,
  PortSpec,
  RelationData,
  StatusInfo,
  StatusName,
} from '../charm';
export { ProcessHookTools } from './tools/process-hook-tools';
export type { ProcessHookToolsOptions } from './tools/process-hook-tools';
export { spawnToolRunner } from './tools/tool-runner';
export type { ToolResult, ToolRunner } from './tools/tool-runner';
export { hookToolRunner, hookToolTransport } from './tools/hook-tool-runner';
export type { HookToolRunnerOptions, HookToolTransport } from './tools/hook-tool-runner';
export { socketToolRunner } from './tools/socket-tool-runner';
export type { SocketToolRunnerOptions } from './tools/socket-tool-runner';
export { AGENT_SHIM_NAME, HOOK_TOOL_SOCKET_ENV } from '../charm';
export type { ToolRequest as AgentToolRequest, ToolResponse as AgentToolResponse } from '../charm';
export { HookToolError, toolErrorMessage } from './tools/hook-tool-error';
export type { HookToolFailure } from './tools/hook-tool-error';
export {
  classifyHookToolFailure,
  HookToolPermissionError,
  RelationNotFoundError,
  UnitNotFoundError,
} from './tools/not-found-errors';
export { formatPortSpec, InvalidPortError, parsePortSpec } from './tools/port-spec';

export { Config } from './config/config';
export { configFlags, isConfigFlag } from './config/config-flags';
export { configTypeProblem, parseConfigSchema } from '../charm';
export { validateConfigValues } from './config/config-schema';
export type { ConfigOptionSchema, ConfigOptionType, ConfigOptionValue, ConfigSchema } from '../charm';
export { ConfigSchemaError, ConfigValueError, UnknownConfigKeyError } from './config/config-errors';

export { createHookLogger } from './logging/hook-logger';
export type { HookLogger, HookLoggerOptions } from './logging/hook-logger';
export { JujuLogForwarder, jujuLogLevel } from './logging/juju-log-forwarder';

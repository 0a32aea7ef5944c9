/**
 * `charm`: the ground floor. What several floors (build, runtime, agent, testing, hookenv) share,
 * each in one place: the charm directory layout, the one reader of metadata.yaml, config.yaml and
 * actions.yaml (one set of rules, one error), the local agent's hook-tool protocol, atomic file
 * writes, the hook-tools interface and the packages loaded on first use. It imports only
 * `errors`; every other folder may import it. Internal to rxcharm: charm authors use `rxcharm`.
 */
export { CharmFileError } from './charm-file-error';
export * from './charm-layout';
export { charmMetadataFrom, ENDPOINT_ROLES, parseCharmMetadata, parseEndpoint } from './charm-metadata';
export type { CharmEndpoint, CharmMetadata, EndpointRole } from './charm-metadata';
export { configSchemaFrom, configTypeProblem, parseConfigSchema } from './config-schema';
export type { ConfigOptionSchema, ConfigOptionType, ConfigOptionValue, ConfigSchema } from './config-schema';
export { actionsSchemaFrom, parseActionsSchema } from './actions-schema';
export type { ActionSpec, ActionsSchema } from './actions-schema';
export { isYamlMap, parseYamlMapText } from './yaml-map';
export type { YamlMap } from './yaml-map';
export { AGENT_SHIM_NAME, HOOK_TOOL_SOCKET_ENV, isToolRequest } from './hook-tool-protocol';
export type { ToolRequest, ToolResponse } from './hook-tool-protocol';
export { writeFileAtomic } from './write-file-atomic';
export { readFileIfExists } from './read-file-if-exists';
export type { WriteFileAtomicOptions } from './write-file-atomic';
export type * from './hook-tools';
export type { HandlerConditions } from './handler-conditions';
export { loadHandlebars, loadPinoPretty, loadYaml } from './lazy-packages';

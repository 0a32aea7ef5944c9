/**
 * `endpoints`: the `Endpoint` base class of interface roles, relations and their data bags, and
 * the automatic `endpoint.<name>.*` flags (lifecycle in docs/hook-runtime.md).
 */
export { Endpoint } from './endpoint';
export type { EndpointClass, EndpointInit } from './endpoint';
export { Relation, RelatedUnit } from './relation';
export { ReceivedBag } from './received-bag';
export type { BagOrigin } from './received-bag';
export { PublishBag } from './publish-bag';
export type { DepartedUnit, EndpointRole, EndpointSnapshot, RelationSnapshot } from './endpoint-snapshot';
export { relationNumber, sortUnits } from './endpoint-snapshot';
export { endpointFlagPlan, isHookScopedEndpointFlag, valueHash } from './endpoint-flags';
export type { EndpointFlagInput, EndpointFlagPlan, EndpointHashes } from './endpoint-flags';
export { endpointArgsForFlags, endpointNameFromFlag } from './endpoint-from-flag';
export { publishEndpoints, readEndpointSnapshots } from './load-endpoints';
export { EndpointNotFoundError, MalformedRelationDataError, NotLeaderError } from './endpoint-errors';
export { relationPort, relationText, remoteApplicationOf } from './relation-value';
export type { DataProblem, RemoteUnitData } from './relation-value';

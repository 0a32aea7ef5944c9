/** The engine names the compose CLI uses (one import point, loaded lazily with the actions). */
export { Compose, ComposeUsageError, createPullReporter, dockerClientFromEnv, formatPlan } from '../../../docker';
export type { ComposeContainer, ComposeEvent, PlanAction } from '../../../docker';
export { isRxcharmError as isRxcharmErrorLike } from '../../../errors';

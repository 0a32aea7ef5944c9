/**
 * `layer:basic`: status, settings, secret and port helpers shared by every layer above it.
 *
 * Import from a layer's reactive code as `import { reportStatus } from 'layer:basic'`. Stable.
 */
export { summarizeStatus, checksFromRules } from './status-summary';
export type { PendingStatus, StatusCheck, StatusRule, StatusSummary } from './status-summary';
export { reportStatus, reportStatusFromRules } from './report-status';
export type { RuleStatusTarget, StatusTarget } from './report-status';
export { setWorkloadStatus, savedWorkloadStatus, WORKLOAD_STATUS_KEY } from './workload-status';
export type { WorkloadStatusTarget } from './workload-status';
export { isSettingsProblem, readPort, settingsOrBlocked } from './config-settings';
export type { RawConfig, SettingsProblem, SettingsTarget } from './config-settings';
export { newSecret, storedSecret } from './stored-secret';
export type { StoredSecretTarget } from './stored-secret';
export { reconcileOpenedPorts } from './opened-ports';
export type { OpenedPortsTarget } from './opened-ports';
export { unitIsDying } from './unit-is-dying';
export type { DyingTarget } from './unit-is-dying';
export { retryUntil } from './retry-until';
export type { RetryOptions } from './retry-until';

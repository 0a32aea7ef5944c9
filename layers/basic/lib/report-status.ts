import type { KeyValueStore, StatusHelper } from 'rxcharm';
import {
  checksFromRules,
  summarizeStatus,
  type StatusCheck,
  type StatusRule,
  type StatusSummary,
} from './status-summary';
import { savedWorkloadStatus } from './workload-status';

/** What {@link reportStatus} needs of a charm: its status helper (a `Charm` has one). */
export interface StatusTarget {
  readonly status: Pick<StatusHelper, 'active' | 'blocked' | 'maintenance' | 'waiting'>;
}

/**
 * Sets the workload status from checks (see {@link summarizeStatus}) and returns what it set.
 *
 * @example
 * ```ts
 * await reportStatus(this, [{ ok: this.isFlagSet('redis.available'), status: 'waiting', message: 'waiting for redis' }]);
 * ```
 */
export async function reportStatus(
  charm: StatusTarget,
  checks: readonly StatusCheck[],
  activeMessage = 'ready',
): Promise<StatusSummary> {
  const summary = summarizeStatus(checks, activeMessage);
  await charm.status[summary.status](summary.message);
  return summary;
}

/** What {@link reportStatusFromRules} needs: flags, layer options and kv (a `Charm` has all three). */
export interface RuleStatusTarget extends StatusTarget {
  isFlagSet(flag: string): boolean;
  layerOption<T = unknown>(layer: string, key: string): T;
  readonly kv: Pick<KeyValueStore, 'get'>;
}

/**
 * Sets the workload status from layer option `basic.status-rules` (merged from every layer):
 * the most severe unmet rule; when every rule holds, the status the charm last set with
 * `setWorkloadStatus`, else active with `basic.active-message`. layer:basic calls it on every
 * `update-status`; call it at the end of your own handlers to refresh the status at once.
 */
export async function reportStatusFromRules(charm: RuleStatusTarget): Promise<StatusSummary> {
  const rules = charm.layerOption<StatusRule[]>('basic', 'status-rules');
  const summary = summarizeStatus(
    checksFromRules(rules, (flag) => charm.isFlagSet(flag)),
    charm.layerOption<string>('basic', 'active-message'),
  );
  const shown = summary.status === 'active' ? (savedWorkloadStatus(charm.kv) ?? summary) : summary;
  await charm.status[shown.status](shown.message);
  return shown;
}

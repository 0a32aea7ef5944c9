import type { StatusHelper } from 'rxcharm';
import { checksFromRules, summarizeStatus, type StatusCheck, type StatusRule, type StatusSummary } from './status-summary';

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
export async function reportStatus(charm: StatusTarget, checks: readonly StatusCheck[], activeMessage = 'ready'): Promise<StatusSummary> {
  const summary = summarizeStatus(checks, activeMessage);
  await charm.status[summary.status](summary.message);
  return summary;
}

/** What {@link reportStatusFromRules} needs: flags and layer options (a `Charm` has both). */
export interface RuleStatusTarget extends StatusTarget {
  isFlagSet(flag: string): boolean;
  layerOption<T = unknown>(layer: string, key: string): T;
}

/**
 * Sets the workload status from layer option `basic.status-rules` (merged from every layer)
 * and `basic.active-message`. layer:basic calls it on every `update-status`; call it at the end
 * of your own handlers to refresh the status at once.
 */
export async function reportStatusFromRules(charm: RuleStatusTarget): Promise<StatusSummary> {
  const rules = charm.layerOption<StatusRule[]>('basic', 'status-rules');
  const checks = checksFromRules(rules, (flag) => charm.isFlagSet(flag));
  return reportStatus(charm, checks, charm.layerOption<string>('basic', 'active-message'));
}

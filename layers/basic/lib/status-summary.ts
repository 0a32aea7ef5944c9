/** A non-active workload status a check can report. */
export type PendingStatus = 'blocked' | 'maintenance' | 'waiting';

/** One condition of the unit's readiness: when `ok` is false the unit is `status` with `message`. */
export interface StatusCheck {
  readonly ok: boolean;
  readonly status: PendingStatus;
  readonly message: string;
}

/** A workload status to set. */
export interface StatusSummary {
  readonly status: PendingStatus | 'active';
  readonly message: string;
}

/** A status rule of layer option `basic.status-rules`: while flag `until` is unset, report `status`. */
export interface StatusRule {
  readonly until: string;
  readonly status: PendingStatus;
  readonly message: string;
}

const SEVERITY: Readonly<Record<PendingStatus, number>> = { blocked: 3, maintenance: 2, waiting: 1 };

/**
 * Picks the unit's workload status from checks: the most severe failing level (blocked, then
 * maintenance, then waiting) with the messages of that level joined by `; `, else active.
 * Pure.
 *
 * @example
 * ```ts
 * summarizeStatus([{ ok: false, status: 'waiting', message: 'waiting for redis' }], 'ready');
 * // { status: 'waiting', message: 'waiting for redis' }
 * ```
 */
export function summarizeStatus(checks: readonly StatusCheck[], activeMessage = 'ready'): StatusSummary {
  const failing = checks.filter((check) => !check.ok);
  if (failing.length === 0) return { status: 'active', message: activeMessage };
  const worst = failing.reduce((a, b) => (SEVERITY[b.status] > SEVERITY[a.status] ? b : a));
  const messages = [...new Set(failing.filter((check) => check.status === worst.status).map((check) => check.message))];
  return { status: worst.status, message: messages.join('; ') };
}

/** Turns status rules into checks against the current flags. Pure. */
export function checksFromRules(rules: readonly StatusRule[], isFlagSet: (flag: string) => boolean): StatusCheck[] {
  return rules.map((rule) => ({ ok: isFlagSet(rule.until), status: rule.status, message: rule.message }));
}

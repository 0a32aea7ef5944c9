import type { KeyValueStore, StatusHelper } from 'rxcharm';
import type { StatusSummary } from './status-summary';

/** kv key holding the status a charm set last through {@link setWorkloadStatus}. */
export const WORKLOAD_STATUS_KEY = 'basic.workload-status';

/** What {@link setWorkloadStatus} needs: the status helper and the kv store (a `Charm` has both). */
export interface WorkloadStatusTarget {
  readonly status: Pick<StatusHelper, 'active' | 'blocked' | 'maintenance' | 'waiting'>;
  readonly kv: Pick<KeyValueStore, 'get' | 'set'>;
}

/**
 * Sets the workload status and remembers it, so that layer:basic's `update-status` report (see
 * `reportStatusFromRules`) shows it again while every status rule holds, instead of the generic
 * active message. A failing rule (e.g. layer:docker's "Waiting for Docker daemon") still wins.
 *
 * The remembered status is committed with the hook: a hook that fails keeps the one before.
 *
 * @example
 * ```ts
 * await setWorkloadStatus(this, 'active', `Ready on port ${port}`);
 * ```
 */
export async function setWorkloadStatus(
  charm: WorkloadStatusTarget,
  status: StatusSummary['status'],
  message: string,
): Promise<void> {
  await charm.status[status](message);
  charm.kv.set(WORKLOAD_STATUS_KEY, { status, message });
}

const STATUSES: ReadonlySet<string> = new Set(['active', 'blocked', 'maintenance', 'waiting']);

/** The status remembered by {@link setWorkloadStatus}, if any (a malformed entry counts as none). */
export function savedWorkloadStatus(kv: Pick<KeyValueStore, 'get'>): StatusSummary | undefined {
  const saved = kv.get(WORKLOAD_STATUS_KEY);
  if (saved === null || typeof saved !== 'object' || Array.isArray(saved)) return undefined;
  const { status, message } = saved as Record<string, unknown>;
  return typeof status === 'string' && STATUSES.has(status) && typeof message === 'string'
    ? ({ status, message } as StatusSummary)
    : undefined;
}

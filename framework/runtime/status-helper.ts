import { HookToolError, type HookTools, type StatusName } from '../hookenv';
import type { KeyValueStore } from '../unit';

/** A workload status: what `status-set` takes. */
export interface WorkloadStatus {
  readonly status: StatusName;
  readonly message: string;
}

/**
 * `this.status.*`: the unit's workload status. Handlers may set it any number of times; the
 * runtime keeps the last value and calls `status-set` once, when the hook succeeded, and only
 * if it differs from what the unit already shows (ops' collect-status). Juju records every
 * `status-set` in the status history, so one hook adds at most one entry. A failed hook sets
 * nothing: the unit shows the hook error.
 */
export interface StatusHelper {
  active(message?: string): Promise<void>;
  blocked(message: string): Promise<void>;
  waiting(message: string): Promise<void>;
  maintenance(message: string): Promise<void>;
  /** The last status this hook set, if any (what the hook will show when it succeeds). */
  readonly last: WorkloadStatus | undefined;
}

/** The runtime's side of a {@link StatusHelper}: applies the collected status at the end. */
export interface CollectingStatusHelper extends StatusHelper {
  /**
   * Calls `status-set` with the collected status unless the unit shows it already (as recorded
   * in `kv` by the previous successful hook), and records it there; a no-op when the hook set
   * no status.
   *
   * @returns true when `status-set` was called.
   */
  flush(tools: Pick<HookTools, 'statusSet'>, kv: Pick<KeyValueStore, 'get' | 'set'>): Promise<boolean>;
}

/** kv key holding the workload status the runtime last set (committed with its hook). */
export const SHOWN_STATUS_KEY = 'rxcharm.status';

function shownStatus(kv: Pick<KeyValueStore, 'get'>): WorkloadStatus | undefined {
  const value = kv.get(SHOWN_STATUS_KEY);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { status, message } = value as Record<string, unknown>;
  return typeof status === 'string' && typeof message === 'string'
    ? { status: status as StatusName, message }
    : undefined;
}

/** A {@link StatusHelper} that collects the status for {@link CollectingStatusHelper.flush}. */
export function createStatusHelper(onSet?: (status: StatusName, message: string) => void): CollectingStatusHelper {
  let last: WorkloadStatus | undefined;
  const set = async (status: StatusName, message: string): Promise<void> => {
    // Refused here rather than at commit, so the failure names the handler that chose it.
    if (message.includes('\0'))
      throw new HookToolError({
        tool: 'status-set',
        args: [status, message],
        exitCode: -1,
        stderr: 'cannot run status-set: the message must be a string without null bytes',
      });
    last = { status, message };
    onSet?.(status, message);
  };
  return {
    active: (message = '') => set('active', message),
    blocked: (message) => set('blocked', message),
    waiting: (message) => set('waiting', message),
    maintenance: (message) => set('maintenance', message),
    get last() {
      return last;
    },
    async flush(tools, kv) {
      if (last === undefined) return false;
      const shown = shownStatus(kv);
      if (shown !== undefined && shown.status === last.status && shown.message === last.message) return false;
      await tools.statusSet(last.status, last.message);
      kv.set(SHOWN_STATUS_KEY, { status: last.status, message: last.message });
      return true;
    },
  };
}

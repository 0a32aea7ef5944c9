import type { HookTools, StatusName } from '../hookenv';

/** `this.status.*`: sets the unit's workload status at once (Juju does not roll it back). */
export interface StatusHelper {
  active(message?: string): Promise<void>;
  blocked(message: string): Promise<void>;
  waiting(message: string): Promise<void>;
  maintenance(message: string): Promise<void>;
  /** The last status this hook set, if any. */
  readonly last: { readonly status: StatusName; readonly message: string } | undefined;
}

/** A {@link StatusHelper} over `status-set`. */
export function createStatusHelper(
  tools: Pick<HookTools, 'statusSet'>,
  onSet?: (status: StatusName, message: string) => void,
): StatusHelper {
  let last: { status: StatusName; message: string } | undefined;
  const set = async (status: StatusName, message: string): Promise<void> => {
    await tools.statusSet(status, message);
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
  };
}

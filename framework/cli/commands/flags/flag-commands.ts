import { FileUnitStore, beginTransaction, withUnitLock } from '../../../unit';
import { CliError } from '../../cli-error';

/** Where the unit's state is: `--unit-dir`, else `$JUJU_CHARM_DIR`, else the working directory. */
export function resolveUnitDir(
  option: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): string {
  if (option !== undefined && option.length > 0) return option;
  const fromEnv = env.JUJU_CHARM_DIR;
  return fromEnv !== undefined && fromEnv.length > 0 ? fromEnv : cwd;
}

/** The unit's stored flags, sorted (read without the lock: the store is replaced atomically). */
export function listFlags(unitDir: string): string[] {
  return new FileUnitStore(unitDir).load().flags;
}

/**
 * Sets or clears `flag` in the unit's store, under the unit lock, as a one-handler hook would.
 * Returns whether the stored flags changed. Triggers do not fire: they live in charm code.
 */
export async function changeFlag(
  unitDir: string,
  flag: string,
  op: 'set' | 'clear',
  timeoutMs: number,
): Promise<boolean> {
  if (flag.trim().length === 0) throw new CliError('flag invalid: empty name', 2);
  return withUnitLock(
    unitDir,
    () => {
      const tx = beginTransaction(new FileUnitStore(unitDir));
      const changed = op === 'set' ? tx.flags.set(flag, 'cli') : tx.flags.clear(flag, 'cli');
      if (changed) tx.commit();
      else tx.rollback();
      return changed;
    },
    { timeoutMs },
  );
}

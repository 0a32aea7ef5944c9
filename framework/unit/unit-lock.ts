import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { lock } from 'proper-lockfile';
import { UNIT_LOCK_FILE, UNIT_STATE_DIR } from '../charm';
import { UnitLockTimeoutError } from './unit-errors';

/** Options of {@link withUnitLock}. */
export interface UnitLockOptions {
  /** How long to wait for another hook to finish before failing (default 30 000 ms). */
  readonly timeoutMs?: number;
  /** Delay between attempts while waiting (default 50 ms). */
  readonly pollMs?: number;
}

/** A holder that stops refreshing its lock (SIGKILL) is considered gone after this long. */
const STALE_MS = 5_000;

/**
 * Runs `fn` while holding the unit's lock (`<unitDir>/.rxcharm/unit.lock`), so two hooks of the
 * same unit never interleave. A second caller waits up to `timeoutMs`, then fails with
 * {@link UnitLockTimeoutError}. A lock left by a killed process goes stale after 5 s.
 */
export async function withUnitLock<T>(
  unitDir: string,
  fn: () => Promise<T> | T,
  options: UnitLockOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const pollMs = options.pollMs ?? 50;
  const dir = join(unitDir, UNIT_STATE_DIR);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const lockPath = join(unitDir, UNIT_LOCK_FILE);
  // proper-lockfile locks `<target>.lock` for a `target`.
  const target = lockPath.slice(0, -'.lock'.length);
  const deadline = Date.now() + timeoutMs;
  let compromised: Error | undefined;
  let release: () => Promise<void>;
  for (;;) {
    try {
      release = await lock(target, {
        realpath: false,
        lockfilePath: lockPath,
        stale: STALE_MS,
        retries: 0,
        onCompromised: (e: Error) => {
          compromised = e;
        },
      });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ELOCKED') throw e;
      if (Date.now() >= deadline) throw new UnitLockTimeoutError(unitDir, lockPath, timeoutMs);
      await new Promise((r) => setTimeout(r, Math.min(pollMs, Math.max(1, deadline - Date.now()))));
    }
  }
  try {
    return await fn();
  } finally {
    if (compromised === undefined) await release();
  }
}

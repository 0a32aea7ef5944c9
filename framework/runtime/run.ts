import type { CharmBundle } from './charm-bundle';
import { runHook } from './run-hook';

/**
 * The entry point of a built charm (`lib/charm.js` calls it): runs the hook described by
 * `process.env` and exits: 0 on success, 1 with a last stderr line
 * `rxcharm: <hook> failed: <reason>` otherwise.
 */
export async function run(bundle: CharmBundle): Promise<never> {
  const outcome = await runHook(bundle, { env: process.env, argv: process.argv });
  if (!outcome.ok)
    process.stderr.write(`rxcharm: ${outcome.hook || 'hook'} failed: ${outcome.reason ?? 'unknown error'}\n`);
  // Exit now: a handler may have left sockets or timers open (e.g. a Docker client). Writes to
  // stderr pipes and files are synchronous on Linux, so nothing logged is lost.
  process.exit(outcome.exitCode);
}

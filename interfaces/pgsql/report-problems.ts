import { currentHook } from 'rxcharm';
import type { DataProblem } from './relation-value';

/**
 * Logs why remote units' data was not used, one warning per unit and key. Called only from
 * handlers that react to a data change, so a steady bad value is reported once, not every hook.
 * Inside a hook it goes to the charm's logger (redacted, forwarded to juju-log); outside one
 * (plain unit tests of the class) to stderr.
 */
export function reportProblems(endpoint: string, problems: readonly DataProblem[]): void {
  for (const p of problems) {
    const message = `interface:pgsql: endpoint ${endpoint}: unit ${p.unit}: key ${p.key}: ${p.reason} (${p.kind === 'invalid' ? 'ignored, treated as not available' : 'waiting'})`;
    let logged = false;
    try {
      currentHook('reportProblems').logger.warn({ interface: 'pgsql', endpoint, unit: p.unit, key: p.key, kind: p.kind }, message);
      logged = true;
    } catch {
      // not inside a hook
    }
    if (!logged) console.warn(message);
  }
}

import type { DataProblem } from '../endpoints';
import { currentHook } from './hook-runtime';

/**
 * Logs why remote units' data was not used (for interface layers: `iface` names the interface),
 * one warning per unit and key. Called only from
 * handlers that react to a data change, so a steady bad value is reported once, not every hook.
 * Inside a hook it goes to the charm's logger (redacted, forwarded to juju-log); outside one
 * (plain unit tests of the class) to stderr.
 */
export function reportDataProblems(iface: string, endpoint: string, problems: readonly DataProblem[]): void {
  for (const p of problems) {
    const message = `interface:${iface}: endpoint ${endpoint}: unit ${p.unit}: key ${p.key}: ${p.reason} (${p.kind === 'invalid' ? 'ignored, treated as not available' : 'waiting'})`;
    let logged = false;
    try {
      currentHook('reportDataProblems').logger.warn(
        { interface: iface, endpoint, unit: p.unit, key: p.key, kind: p.kind },
        message,
      );
      logged = true;
    } catch {
      // not inside a hook
    }
    if (!logged) console.warn(message);
  }
}

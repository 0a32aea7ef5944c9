import type { DataProblem } from './relation-value';

/**
 * Logs why remote units' data was not used, one line per unit and key. Runs only from handlers
 * that react to a data change, so a steady bad value is reported once, not every hook.
 * (Endpoints have no logger of their own; stderr lands in the unit's log under Juju and the agent.)
 */
export function reportProblems(endpoint: string, problems: readonly DataProblem[]): void {
  for (const p of problems) {
    console.warn(`interface:http: endpoint ${endpoint}: unit ${p.unit}: key ${p.key}: ${p.reason} (${p.kind === 'invalid' ? 'ignored, treated as not available' : 'waiting'})`);
  }
}

import { existsSync } from 'node:fs';
import { basename, relative } from 'node:path';
import type { DevCycle } from './dev-session';
import { formatDispatchDiff } from './dispatch-diff';

function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** What `rxcharm dev` prints for a cycle (paths relative to `cwd`). */
export function formatCycle(cycle: DevCycle, cwd: string): string[] {
  const lines: string[] = [];
  // Editors' temporary files come and go within a burst: name only what is there (or was deleted and is not a temp).
  const files = cycle.files.filter((f) => existsSync(f) || !/^(sed|\.|#)|~$|\.tmp/.test(basename(f)));
  if (files.length > 0) {
    const shown = files.slice(0, 3).map((f) => relative(cwd, f));
    lines.push(`changed: ${shown.join(', ')}${files.length > 3 ? ` (+${files.length - 3} more)` : ''}`);
  }
  switch (cycle.outcome) {
    case 'build-failed':
      lines.push(`build failed, nothing deployed (${seconds(cycle.buildMs)}):`);
      lines.push(...(cycle.error?.message ?? '').split('\n').map((l) => `  ${l}`));
      return lines;
    case 'refresh-failed':
      lines.push(`built in ${seconds(cycle.buildMs)}; refresh refused:`);
      lines.push(...(cycle.error?.message ?? '').split('\n').map((l) => `  ${l}`));
      return lines;
    case 'unchanged':
      lines.push(`built in ${seconds(cycle.buildMs)}: the charm did not change, nothing to refresh`);
      return lines;
    default:
      break;
  }
  for (const unit of cycle.resolved) lines.push(`${unit} was in error: its failed hook ran again with the new charm`);
  // A first deploy has nothing to compare with: one line per hook.
  for (const diff of cycle.diffs)
    lines.push(...(cycle.outcome === 'deployed' ? formatDispatchDiff(diff).slice(0, 1) : formatDispatchDiff(diff)));
  const failedWithoutTrace = cycle.hooks.filter(
    (h) => h.outcome === 'failed' && !cycle.diffs.some((d) => d.unit === h.unit && d.hook === h.hook && !d.ok),
  );
  for (const h of failedWithoutTrace) lines.push(`${h.unit}: ${h.hook} failed${h.reason ? `: ${h.reason}` : ''}`);
  lines.push(
    `${cycle.outcome === 'deployed' ? 'deployed' : 'refreshed'} ${cycle.app ?? ''} in ${seconds(cycle.totalMs)} ` +
      `(build ${seconds(cycle.buildMs)}, refresh ${seconds(cycle.refreshMs)}, hooks ${seconds(cycle.hookMs)})`,
  );
  return lines;
}

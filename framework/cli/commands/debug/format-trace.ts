import type { TraceIteration } from '../../../reactive';
import type { HookTraceRecord } from '../../../runtime/hook-trace-file';

/** `layer:file:Class.method#ep` → `Class.method#ep` (layer shown once per group). */
export function shortHandler(id: string): string {
  const hash = id.indexOf('#');
  const base = hash < 0 ? id : id.slice(0, hash);
  return `${base.slice(base.lastIndexOf(':') + 1)}${hash < 0 ? '' : id.slice(hash)}`;
}

function phaseName(iteration: TraceIteration): string {
  return iteration === 'hook' ? 'hook phase' : `iteration ${iteration}`;
}

/**
 * Explains one hook's dispatch for a human: per phase and iteration, which handlers ran (and
 * the flags they changed), which failed, and why each other handler did not run (its unmet
 * conditions). Pure.
 *
 * @param verbose also list handlers that were not run (default: only ran/failed/skipped, and a
 *   count of the others).
 */
export function formatHookTrace(record: HookTraceRecord, verbose = false): string {
  const lines = [
    `#${record.n} ${record.hook} on ${record.unit}: ${record.ok ? 'ok' : `FAILED: ${record.reason ?? ''}`} (${record.time})`,
  ];
  let group = '';
  let notRun = 0;
  const flush = (): void => {
    if (notRun > 0 && !verbose)
      lines.push(`    (${notRun} handler${notRun === 1 ? '' : 's'} did not match; --verbose lists why)`);
    notRun = 0;
  };
  const header = (iteration: TraceIteration): void => {
    const name = phaseName(iteration);
    if (name !== group) {
      flush();
      group = name;
      lines.push(`  ${name}`);
    }
  };
  for (const e of record.trace) {
    switch (e.type) {
      case 'iteration.start':
        // Say which changes chose this iteration's candidates (a flag that ended where it
        // started still counts).
        header(e.iteration);
        if (e.changed !== undefined && e.changed.length > 0) lines.push(`    after changes to ${e.changed.join(', ')}`);
        break;
      case 'handler.tested':
        header(e.iteration);
        if (!e.passed) {
          if (verbose) lines.push(`    not run  ${shortHandler(e.handler)}: ${e.unmet.join(', ')}`);
          else notRun++;
        }
        break;
      case 'handler.invoked':
        header(e.iteration);
        lines.push(`    ran      ${shortHandler(e.handler)}`);
        break;
      case 'handler.skipped':
        header(e.iteration);
        lines.push(
          `    skipped  ${shortHandler(e.handler)}: left the queue, a change made it false (${e.unmet.join(', ')})`,
        );
        break;
      case 'handler.failed':
        header(e.iteration);
        lines.push(`    FAILED   ${shortHandler(e.handler)}: ${e.error}`);
        break;
      case 'flag.set':
      case 'flag.cleared': {
        header(e.iteration);
        const cause =
          e.cause === 'trigger'
            ? `trigger ${e.trigger ?? ''} after ${e.origin === undefined ? '?' : shortHandler(e.origin)}`
            : e.cause === 'runtime'
              ? 'runtime'
              : shortHandler(e.cause);
        lines.push(`             ${e.type === 'flag.set' ? '+' : '-'} ${e.flag}  (${cause})`);
        break;
      }
      default:
        break;
    }
  }
  flush();
  lines.push(`  flags after dispatch: ${record.flags.join(', ') || '(none)'}`);
  return `${lines.join('\n')}\n`;
}

import type { Command } from 'commander';
import { listHookTraceFiles, readHookTrace, type HookTraceRecord } from '../../../runtime/hook-trace-file';
import { CliError } from '../../cli-error';
import { agentUnitCharmDir } from './agent-unit-dir';
import { formatHookTrace } from './format-trace';

interface TraceOptions {
  hook?: string;
  last?: string;
  model?: string;
  unitDir?: string;
  json?: boolean;
  verbose?: boolean;
}

function count(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new CliError(`${name} must be a positive integer, got ${JSON.stringify(value)}`, 2);
  return Number(value);
}

/** The trace records to show: hook number `hook`, else the last `last`. @throws CliError naming what exists. */
export function selectTraces(
  charmDir: string,
  unit: string,
  hook: number | undefined,
  last: number,
): HookTraceRecord[] {
  const files = listHookTraceFiles(charmDir);
  if (files.length === 0)
    throw new CliError(
      `trace of ${unit}: no hook traces in ${charmDir}/.rxcharm/traces (has a hook run since the charm was built with this rxcharm?)`,
      1,
    );
  const chosen = hook === undefined ? files.slice(-last) : files.filter((f) => f.n === hook);
  if (chosen.length === 0)
    throw new CliError(
      `trace of ${unit}: no hook #${hook} (kept: #${files[0]?.n} to #${files[files.length - 1]?.n})`,
      2,
    );
  return chosen.map((f) => {
    try {
      return readHookTrace(f.file);
    } catch (e) {
      throw new CliError(
        `trace of ${unit}: unreadable trace file ${f.file}: ${e instanceof Error ? e.message : String(e)}`,
        1,
      );
    }
  });
}

/** `rxcharm trace <unit> [--hook N] [--last N] [--verbose] [--json] [--model DIR | --unit-dir DIR]`. */
export function registerTrace(program: Command): void {
  program
    .command('trace')
    .description(
      'explain the last hooks of a unit: which handlers ran, which did not and why, and every flag change with its cause',
    )
    .argument('<unit>', 'unit name, e.g. voting-app/0 (looked up in the local agent model)')
    .option('--hook <n>', 'show hook number N (numbers are printed with each hook)')
    .option('-n, --last <count>', 'how many of the last hooks to show', '1')
    .option('-v, --verbose', 'also list every handler that did not run, with its unmet conditions')
    .option('--json', 'print the trace records as JSON')
    .option('-m, --model <dir>', 'model state directory (default: $RXCHARM_MODEL or ./.rxcharm/model)')
    .option(
      '--unit-dir <dir>',
      "the unit's charm directory, instead of looking it up in the local model (a unit on a real Juju machine)",
    )
    .action((unit: string, options: TraceOptions) => {
      const dir = options.unitDir ?? agentUnitCharmDir(unit, options.model, process.env);
      const records = selectTraces(
        dir,
        unit,
        options.hook === undefined ? undefined : count('--hook', options.hook, 1),
        count('--last', options.last, 1),
      );
      process.stdout.write(
        options.json === true
          ? `${JSON.stringify(records, null, 2)}\n`
          : records.map((r) => formatHookTrace(r, options.verbose === true)).join('\n'),
      );
    });
}

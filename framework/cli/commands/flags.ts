import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { agentUnitCharmDir } from './debug/agent-unit-dir';
import { changeFlag, listFlags, resolveUnitDir } from './flags/flag-commands';

interface FlagsOptions {
  unitDir?: string;
  model?: string;
  json?: boolean;
  wait?: string;
}

function timeout(options: FlagsOptions): number {
  const ms = Number(options.wait ?? '10000');
  if (!Number.isInteger(ms) || ms < 0)
    throw new CliError(`--wait invalid: ${options.wait} (milliseconds, an integer >= 0)`, 2);
  return ms;
}

/**
 * `rxcharm flags [unit] [--unit-dir DIR] [--json]` lists a unit's flags;
 * `rxcharm flags set|clear FLAG [--unit-dir DIR]` changes one (for shell handlers and debugging).
 * The unit dir defaults to `$JUJU_CHARM_DIR`, else the working directory. A positional unit name
 * is reserved for the local agent (it resolves the unit's directory in its model).
 */
export function registerFlags(program: Command): void {
  const env = process.env;
  const flags = program
    .command('flags')
    .description("list a unit's flags (set/clear to change one)")
    .argument('[unit]', 'unit name (needs the local agent model; use --unit-dir otherwise)')
    .option(
      '--unit-dir <dir>',
      'charm/unit directory holding .rxcharm/unit-state.json (default: $JUJU_CHARM_DIR or cwd)',
    )
    .option('--json', 'print a JSON array')
    .option(
      '-m, --model <dir>',
      'local agent model directory for a unit name (default: $RXCHARM_MODEL or ./.rxcharm/model)',
    )
    .action((unit: string | undefined, options: FlagsOptions) => {
      const dir =
        unit !== undefined && options.unitDir === undefined
          ? agentUnitCharmDir(unit, options.model, env)
          : resolveUnitDir(options.unitDir, env, process.cwd());
      const list = listFlags(dir);
      process.stdout.write(options.json === true ? `${JSON.stringify(list)}\n` : list.map((f) => `${f}\n`).join(''));
    });
  for (const op of ['set', 'clear'] as const) {
    flags
      .command(op)
      .description(`${op} one flag in the unit's store (waits for a running hook to finish)`)
      .argument('<flag>', 'flag name')
      .option('--unit-dir <dir>', 'charm/unit directory (default: $JUJU_CHARM_DIR or cwd)')
      .option('--wait <ms>', 'how long to wait for the unit lock', '10000')
      .action(async (flag: string, options: FlagsOptions) => {
        const dir = resolveUnitDir(options.unitDir ?? flags.opts<FlagsOptions>().unitDir, env, process.cwd());
        await changeFlag(dir, flag, op, timeout(options));
      });
  }
}

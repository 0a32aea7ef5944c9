import { ToolUsageError } from './tool-errors';

/** One flag a tool accepts: its names (`r`, `relation`) and whether it takes a value. */
export interface FlagSpec {
  readonly names: readonly string[];
  readonly kind: 'bool' | 'string';
}

/** Parsed command line: flag values by their first name, and positional arguments. */
export interface ParsedArgs {
  readonly flags: Record<string, string | boolean>;
  readonly positional: string[];
  readonly help: boolean;
}

const TRUE = new Set(['true', '1', 't', 'T', 'TRUE', 'True']);
const FALSE = new Set(['false', '0', 'f', 'F', 'FALSE', 'False']);

/**
 * Parses arguments the way Juju's gnuflag does: `-r 3`, `-r=3`, `--relation 3`,
 * `--relation=3`, boolean `--app` or `--app=false`, flags interspersed with positional
 * arguments, and `--` ending the flags.
 *
 * @throws ToolUsageError for an unknown flag or a missing or bad flag value.
 */
export function parseFlags(args: readonly string[], specs: readonly FlagSpec[]): ParsedArgs {
  const flags: Record<string, string | boolean> = {};
  const positional: string[] = [];
  let help = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-' || /^-\d/.test(arg)) {
      positional.push(arg);
      continue;
    }
    const body = arg.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const name = eq < 0 ? body : body.slice(0, eq);
    if (name === 'h' || name === 'help') {
      help = true;
      continue;
    }
    const spec = specs.find((s) => s.names.includes(name));
    if (spec === undefined)
      throw new ToolUsageError(`flag provided but not defined: ${eq < 0 ? arg : arg.slice(0, arg.indexOf('='))}`);
    const key = spec.names[0]!;
    if (spec.kind === 'bool') {
      if (eq < 0) flags[key] = true;
      else {
        const text = body.slice(eq + 1);
        if (TRUE.has(text)) flags[key] = true;
        else if (FALSE.has(text)) flags[key] = false;
        else
          throw new ToolUsageError(
            `invalid boolean value ${JSON.stringify(text)} for flag ${arg.slice(0, arg.indexOf('='))}`,
          );
      }
      continue;
    }
    if (eq >= 0) flags[key] = body.slice(eq + 1);
    else if (i + 1 < args.length) flags[key] = args[++i]!;
    else throw new ToolUsageError(`flag needs an argument: ${arg}`);
  }
  return { flags, positional, help };
}

/** Flags of every tool that prints a value: `--format` and `-o/--output`. */
export const OUTPUT_FLAGS: readonly FlagSpec[] = [
  { names: ['format'], kind: 'string' },
  { names: ['o', 'output'], kind: 'string' },
];

/** The relation-id flag shared by the relation tools. */
export const RELATION_FLAG: FlagSpec = { names: ['r', 'relation'], kind: 'string' };

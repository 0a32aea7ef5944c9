import { emit } from './emit';
import { OUTPUT_FLAGS, parseFlags, type FlagSpec, type ParsedArgs } from './flag-parser';
import { checkExtraArgs, type HookTool, type ToolEnv, type ToolOutput } from './tool-env';

/** What a tool declares about its command line, as jujuc's `Info()` and `SetFlags()` do. */
export interface ToolSpec {
  /** Juju's usage line, printed by `--help`. */
  readonly usage: string;
  /** Juju's one-line purpose, printed by `--help`. */
  readonly summary: string;
  readonly flags: readonly FlagSpec[];
  /**
   * Positional arguments past this many are refused before the tool runs (`cmd.CheckEmpty`).
   * Left out by tools whose own checks of the arguments come first in Juju.
   */
  readonly maxArgs?: number;
}

/**
 * A hook tool from its spec and the work it does on parsed arguments: flag parsing and the
 * extra-arguments check happen here once, in Juju's order, for every tool.
 */
export function defineTool(
  name: string,
  spec: ToolSpec,
  run: (env: ToolEnv, parsed: ParsedArgs) => ToolOutput,
): HookTool {
  return {
    name,
    usage: spec.usage,
    summary: spec.summary,
    run(env, args) {
      const parsed = parseFlags(args, spec.flags);
      if (spec.maxArgs !== undefined) checkExtraArgs(parsed.positional, spec.maxArgs);
      return run(env, parsed);
    },
  };
}

/** The spec of a tool that prints a value: its own flags only (the output flags are added). */
export type QueryToolSpec = Omit<ToolSpec, 'flags'> & { readonly flags?: readonly FlagSpec[] };

/**
 * A hook tool that prints one value (`relation-get`, `leader-get`, `config-get`…): `--format`
 * and `-o/--output` join its flags, and what `query` returns is formatted and printed, or
 * written to the output file, by {@link emit}.
 */
export function defineQueryTool(
  name: string,
  spec: QueryToolSpec,
  query: (env: ToolEnv, parsed: ParsedArgs) => unknown,
): HookTool {
  return defineTool(name, { ...spec, flags: [...OUTPUT_FLAGS, ...(spec.flags ?? [])] }, (env, parsed) =>
    emit(env, parsed, query(env, parsed)),
  );
}

import { parseFlags, type FlagSpec, type ParsedArgs } from './flag-parser';
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

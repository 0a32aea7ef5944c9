import type { Command } from 'commander';
import { registerGraph } from './debug/graph-command';
import { registerTrace } from './debug/trace-command';

/**
 * Debugging tools for charm authors: `rxcharm trace <unit>` (why each handler ran or did not in
 * the unit's last hooks) and `rxcharm graph <layer>` (the charm's handlers and flags as a graph).
 * `rxcharm flags <unit>` lives with the flags command.
 */
export function registerDebugCommands(program: Command): void {
  registerTrace(program);
  registerGraph(program);
}

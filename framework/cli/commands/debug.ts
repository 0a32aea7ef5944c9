import type { Command } from 'commander';

/** Placeholder for rxcharm trace, graph (issue: charm-author experience); replaced by the work that builds it. */
export function registerDebugCommands(_program: Command): void {}

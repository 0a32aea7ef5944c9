import type { Command } from 'commander';

/** Placeholder for rxcharm deploy, config, relate, ... (issue: local agent); replaced by the work that builds it. */
export function registerAgentCommands(_program: Command): void {}

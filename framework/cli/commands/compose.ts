import type { Command } from 'commander';

/** Placeholder for rxcharm compose (issue: compose engine); replaced by the work that builds it. */
export function registerCompose(_program: Command): void {}

import type { Command } from 'commander';

/** Placeholder for rxcharm flags (issue: reactive core); replaced by the work that builds it. */
export function registerFlags(_program: Command): void {}

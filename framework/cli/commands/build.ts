import type { Command } from 'commander';

/** Placeholder for rxcharm build, proof, create, pack (issue: layered build); replaced by the work that builds it. */
export function registerBuild(_program: Command): void {}

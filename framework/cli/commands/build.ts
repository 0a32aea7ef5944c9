import type { Command } from 'commander';
import { registerBuildCommand } from './build/build-command';
import { registerCreateCommand } from './build/create-command';
import { registerPackCommand } from './build/pack-command';
import { registerProofCommand } from './build/proof-command';

/** Registers `rxcharm build`, `proof`, `create` and `pack` (the layered build family). */
export function registerBuild(program: Command): void {
  registerBuildCommand(program);
  registerProofCommand(program);
  registerCreateCommand(program);
  registerPackCommand(program);
}

import { Command } from 'commander';
import { version } from '../../package.json';

/** A CLI command module: adds its sub-command(s) to the program. */
export type RegisterCommand = (program: Command) => void;

/** Builds the `rxcharm` program from the command modules, in help order. */
export function buildProgram(commands: readonly RegisterCommand[]): Command {
  const program = new Command('rxcharm')
    .description('Reactive, layered charms in TypeScript: build, test and run them locally')
    .version(version, '-V, --version', 'print the rxcharm version')
    .showHelpAfterError()
    .exitOverride();
  for (const register of commands) register(program);
  return program;
}

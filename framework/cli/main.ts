import { CommanderError } from 'commander';
import { isRxcharmError } from '../errors';
import { CliError } from './cli-error';
import { buildProgram, type RegisterCommand } from './program';
import { registerFlags } from './commands/flags';
import { registerBuild } from './commands/build';
import { registerCompose } from './commands/compose';
import { registerAgentCommands } from './commands/agent';
import { registerDebugCommands } from './commands/debug';

const commands: readonly RegisterCommand[] = [
  registerBuild,
  registerAgentCommands,
  registerCompose,
  registerFlags,
  registerDebugCommands,
];

async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram(commands);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end with code 0; usage errors were already printed by commander.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof CliError) {
      process.stderr.write(`ERROR ${error.message}\n`);
      return error.exitCode;
    }
    if (isRxcharmError(error)) {
      process.stderr.write(`ERROR ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`ERROR unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`ERROR ${String(error)}\n`);
    process.exitCode = 1;
  },
);

import { CommanderError } from 'commander';
import { isRxcharmError } from '../errors';
import { CliError } from './cli-error';
import { buildProgram } from './program';
import { familiesFor } from './command-families';

async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram(await Promise.all(familiesFor(argv).map((family) => family.load())));
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
    process.stderr.write(
      `ERROR unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
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

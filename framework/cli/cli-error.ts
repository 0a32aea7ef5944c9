import { RxcharmError } from '../errors';

/** An error that ends a CLI command with a given exit code and a one-line message. */
export class CliError extends RxcharmError {
  /** Process exit code (1 runtime failure, 2 usage, or a command-specific code such as 100/200 for build). */
  readonly exitCode: number;

  constructor(message: string, exitCode = 1, options: { cause?: unknown; context?: Record<string, unknown> } = {}) {
    super('CLI', message, options);
    this.exitCode = exitCode;
  }
}

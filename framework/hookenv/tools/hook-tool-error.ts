import { RxcharmError } from '../../errors';

/** The facts of one failed hook-tool call. Arguments and stderr are already redacted. */
export interface HookToolFailure {
  readonly tool: string;
  readonly args: readonly string[];
  /** Process exit code: 1 runtime error, 2 usage error (Juju's convention), -1 spawn failure. */
  readonly exitCode: number;
  readonly stderr: string;
}

/** The `ERROR <msg>` line Juju tools print, without the prefix; else the whole stderr, trimmed. */
export function toolErrorMessage(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const error = lines.find((l) => l.startsWith('ERROR '));
  return error !== undefined ? error.slice('ERROR '.length) : lines.join(' ') || 'no error output';
}

/**
 * A hook tool (`relation-get`, `config-get`...) exited non-zero or could not be started.
 *
 * Message: `hook tool failed: <tool> <args> (exit N): <ERROR line>`.
 */
export class HookToolError extends RxcharmError {
  readonly tool: string;
  readonly args: readonly string[];
  readonly exitCode: number;
  readonly stderr: string;

  constructor(failure: HookToolFailure, options: { code?: string; cause?: unknown; summary?: string } = {}) {
    const shown = [failure.tool, ...failure.args].join(' ');
    super(
      options.code ?? 'HOOK_TOOL_FAILED',
      `${options.summary ?? 'hook tool failed'}: ${shown} (exit ${failure.exitCode}): ${toolErrorMessage(failure.stderr)}`,
      {
        context: { tool: failure.tool, args: failure.args, exitCode: failure.exitCode, stderr: failure.stderr },
        cause: options.cause,
      },
    );
    this.tool = failure.tool;
    this.args = failure.args;
    this.exitCode = failure.exitCode;
    this.stderr = failure.stderr;
  }
}

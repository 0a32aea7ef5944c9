import { RxcharmError } from '../errors';

/**
 * The hook environment is unusable: required Juju variables are missing or malformed.
 *
 * `context.missing` lists every missing variable at once, so one run shows the whole problem.
 */
export class HookEnvError extends RxcharmError {
  /** Names of the required variables that are absent or empty. */
  readonly missing: readonly string[];

  constructor(message: string, missing: readonly string[], invalid: Readonly<Record<string, string>> = {}) {
    super('HOOK_ENV', message, { context: { missing, invalid } });
    this.missing = missing;
  }
}

import type { HookTools, JujuLogLevel } from '../../charm';

/** pino numeric level → `juju-log --log-level`. */
export function jujuLogLevel(pinoLevel: number): JujuLogLevel {
  if (pinoLevel >= 60) return 'CRITICAL';
  if (pinoLevel >= 50) return 'ERROR';
  if (pinoLevel >= 40) return 'WARNING';
  if (pinoLevel >= 30) return 'INFO';
  if (pinoLevel >= 20) return 'DEBUG';
  return 'TRACE';
}

/**
 * Sends log records to `juju-log` in order, in the background, one tool call at a time.
 *
 * Records are queued synchronously (pino's write path is synchronous) and drained by a promise
 * chain; {@link flush} waits for everything queued so far, so the runtime calls it before the
 * process exits, on success and on failure alike. A failing `juju-log` is reported once on
 * stderr (the record itself is already there) and never breaks the hook.
 */
export class JujuLogForwarder {
  readonly #tools: Pick<HookTools, 'jujuLog'>;
  readonly #onError: (message: string) => void;
  #chain: Promise<void> = Promise.resolve();
  #failed = false;

  constructor(tools: Pick<HookTools, 'jujuLog'>, onError: (message: string) => void) {
    this.#tools = tools;
    this.#onError = onError;
  }

  /** Queues one record. */
  enqueue(level: JujuLogLevel, message: string): void {
    this.#chain = this.#chain.then(async () => {
      if (this.#failed) return;
      try {
        await this.#tools.jujuLog(level, message);
      } catch (e) {
        this.#failed = true;
        this.#onError(`juju-log forwarding stopped: ${e instanceof Error ? e.message : String(e)}`);
      }
    });
  }

  /** Resolves when every queued record has been sent (or forwarding gave up). */
  flush(): Promise<void> {
    return this.#chain;
  }
}

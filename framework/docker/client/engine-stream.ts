import type Dockerode from 'dockerode';
import { DockerUnavailableError } from '../errors';

/** Socket error codes that mean the daemon cannot be reached (not that it refused the request). */
export const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOENT',
  'EACCES',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
]);

/** What every line of a pull or build answer may carry: the engine's error. */
export interface EngineStreamLine {
  readonly error?: string;
  readonly errorDetail?: { readonly message?: string };
}

/** How {@link followEngineStream} reads one streamed call. */
export interface EngineStreamCall<L extends EngineStreamLine> {
  /** The daemon's address, for {@link DockerUnavailableError}. */
  readonly host: string;
  /** Starts the call (`docker.pull`, `docker.buildImage`). */
  readonly start: () => Promise<NodeJS.ReadableStream>;
  /** Called for each line as it arrives (progress). */
  readonly onLine: (line: L) => void;
  /** The operation's error for a refused call, a broken stream or an error line. */
  readonly fail: (message: string, cause?: unknown) => Error;
}

/**
 * Runs a streamed Engine call (an image pull or build) and reads its JSON lines to the end
 * through dockerode's modem. A daemon that cannot be reached rejects with
 * {@link DockerUnavailableError}; a refused call, a broken stream, and a line carrying an error
 * (the modem resolves even then) reject with `fail`'s error.
 */
export async function followEngineStream<L extends EngineStreamLine>(
  docker: Dockerode,
  call: EngineStreamCall<L>,
): Promise<L[]> {
  let stream: NodeJS.ReadableStream;
  try {
    stream = await call.start();
  } catch (error) {
    const e = error as { code?: string; json?: { message?: string } | null; message?: string };
    if (e.code !== undefined && UNREACHABLE.has(e.code)) throw new DockerUnavailableError(call.host, { cause: error });
    throw call.fail(e.json?.message ?? e.message ?? String(error), error);
  }
  const lines = await new Promise<L[]>((resolve, reject) => {
    docker.modem.followProgress(
      stream,
      (err: Error | null, out: L[]) => (err ? reject(call.fail(err.message, err)) : resolve(out)),
      call.onLine,
    );
  });
  const failed = lines.find((l) => l.error !== undefined || l.errorDetail !== undefined);
  if (failed) throw call.fail(failed.errorDetail?.message ?? failed.error ?? 'error in the answer stream');
  return lines;
}

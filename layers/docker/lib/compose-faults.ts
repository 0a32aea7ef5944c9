/**
 * Converging under Docker faults. `up()` raises typed errors; a charm that lets them fail the hook
 * leaves `docker.available` set (the rollback keeps it) and the unit in error with a raw message.
 * {@link upOrReport} turns the faults an operator can act on into flags and a status instead, so
 * the hook succeeds and commits what it learnt:
 * - the daemon is gone (connection refused/reset, socket missing, or 5xx answers from a daemon that
 *   stops answering pings right after — a dockerd shutting down answers 500 for a moment):
 *   `docker.available`/`docker.ready` cleared, `waiting`; the layer's next ping sets them again;
 * - an image that cannot be pulled: `blocked`, naming the image and the registry's reason.
 * Anything else still fails the hook. The status is set with layer:basic's `setWorkloadStatus`,
 * so `update-status` keeps showing it while the fault lasts.
 */
import { type Charm } from 'rxcharm';
import {
  isDockerApiError,
  isDockerUnavailableError,
  isImagePullError,
  type Compose,
  type ImagePullError,
  type PlanAction,
} from 'rxcharm/compose';
import { setWorkloadStatus } from 'layer:basic';
import { dockerHostOf, pingDocker } from './docker-engine';

/** A fault {@link upOrReport} reported instead of failing the hook. */
export type ComposeFault =
  | { readonly kind: 'docker-down'; readonly status: 'waiting'; readonly message: string }
  | { readonly kind: 'image'; readonly status: 'blocked'; readonly message: string; readonly image: string };

/** What {@link upOrReport} did. */
export type UpOutcome =
  { readonly ok: true; readonly actions: PlanAction[] } | { readonly ok: false; readonly fault: ComposeFault };

/** The fault of a lost daemon at `host` (empty: the default socket). */
export function dockerDownFault(host: string): ComposeFault {
  return {
    kind: 'docker-down',
    status: 'waiting',
    message: `Docker daemon unreachable (${host || 'default socket'}); will retry`,
  };
}

/**
 * Pure: the fault an `up()` error stands for; `'server-error'` for a 5xx answer (a fault of the
 * daemon only if it stops answering); undefined for anything else.
 */
export function classifyComposeError(error: unknown, host: string): ComposeFault | 'server-error' | undefined {
  // Guards, not instanceof: the error may come from another copy of rxcharm (a test harness's fake daemon).
  if (isDockerUnavailableError(error)) return dockerDownFault(host || error.host);
  if (isImagePullError(error))
    return {
      kind: 'image',
      status: 'blocked',
      message: `Cannot pull image ${error.image} (${pullReason(error)})`,
      image: error.image,
    };
  if (isDockerApiError(error) && (error.statusCode ?? 0) >= 500) return 'server-error';
  return undefined;
}

/** The first line of a pull failure's reason, shortened to fit a status message. */
export function pullReason(error: ImagePullError): string {
  // dockerode prefixes the engine's message with its own "(HTTP code 500) server error - ".
  const line = (
    error.reason
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.trim() ?? ''
  ).replace(/^\(HTTP code \d+\)[^-]*- /, '');
  if (line === '') return 'pull failed';
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

/** Options of {@link upOrReport}. */
export interface UpOrReportOptions {
  /** Converge only this service (and its dependencies). */
  readonly service?: string;
  /** After a 5xx answer, how many pings (`pauseMs` apart) must answer before it counts as a request fault (default 10). */
  readonly pings?: number;
  readonly pauseMs?: number;
  /** Injected wait (tests). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Injected ping (tests); default {@link pingDocker} on the hook's client (`charm.docker`). */
  readonly ping?: (host: string) => Promise<boolean>;
}

/**
 * `compose.up()`, reporting Docker faults as flags and status instead of failing the hook.
 *
 * @example
 * ```ts
 * const result = await upOrReport(this, composeFor(this, this.workspace));
 * if (!result.ok) return; // status already says why; the next hook tries again
 * ```
 */
export async function upOrReport(charm: Charm, compose: Compose, options: UpOrReportOptions = {}): Promise<UpOutcome> {
  try {
    return { ok: true, actions: await compose.up(options.service) };
  } catch (error) {
    const host = dockerHostOf(charm);
    const classified = classifyComposeError(error, host);
    let fault: ComposeFault | undefined;
    if (classified === 'server-error') {
      const ping = options.ping ?? (() => pingDocker(charm.docker, 1000));
      const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
      fault = (await keepsAnswering(host, options.pings ?? 10, options.pauseMs ?? 500, ping, sleep))
        ? undefined
        : dockerDownFault(host);
    } else {
      fault = classified;
    }
    if (fault === undefined) throw error;
    charm.log.warn({ err: error }, fault.message);
    if (fault.kind === 'docker-down') {
      charm.clearFlag('docker.available');
      charm.clearFlag('docker.ready');
    }
    await setWorkloadStatus(charm, fault.status, fault.message);
    return { ok: false, fault };
  }
}

async function keepsAnswering(
  host: string,
  pings: number,
  pauseMs: number,
  ping: (host: string) => Promise<boolean>,
  sleep: (ms: number) => Promise<void>,
): Promise<boolean> {
  for (let i = 0; i < pings; i++) {
    if (!(await ping(host))) return false;
    await sleep(pauseMs);
  }
  return true;
}

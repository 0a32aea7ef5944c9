import { isRxcharmError, RxcharmError } from '../errors';

/** Where in a compose file a problem sits: the file, a dotted path and, when known, a 1-based line. */
export interface ComposeLocation {
  readonly file: string;
  readonly path: string;
  readonly line?: number;
}

function where(loc: ComposeLocation): string {
  return `${loc.file}${loc.line === undefined ? '' : `:${loc.line}`} at ${loc.path || '(root)'}`;
}

/** A compose file is not valid YAML, or a value has the wrong shape. */
export class ComposeFileError extends RxcharmError {
  constructor(message: string, loc: ComposeLocation, options: { cause?: unknown } = {}) {
    super('COMPOSE_FILE', `invalid compose file: ${where(loc)}\n${message}`, {
      context: { file: loc.file, path: loc.path, line: loc.line, reason: message },
      cause: options.cause,
    });
  }
}

/** A service (or the top level) uses a compose key rxcharm does not implement; never silently ignored. */
export class UnsupportedComposeKeyError extends RxcharmError {
  constructor(service: string | undefined, key: string, loc: ComposeLocation) {
    const subject = service === undefined ? `top-level key "${key}"` : `key "${key}" of service "${service}"`;
    super('COMPOSE_UNSUPPORTED_KEY', `unsupported compose key: ${subject}\n${where(loc)}`, {
      context: { service, key, file: loc.file, path: loc.path, line: loc.line },
    });
  }
}

/** A `${VAR:?message}` / `${VAR?message}` interpolation whose variable is missing. */
export class ComposeInterpolationError extends RxcharmError {
  constructor(message: string, loc: ComposeLocation) {
    super('COMPOSE_INTERPOLATION', `compose interpolation failed: ${where(loc)}\n${message}`, {
      context: { file: loc.file, path: loc.path, line: loc.line, reason: message },
    });
  }
}

/** Pulling or building an image failed: which image, and why in the engine's own words. */
export abstract class ImageError extends RxcharmError {
  readonly image: string;
  /** The daemon's reason (the registry's, or the failing build step's message), as it said it. */
  readonly reason: string;
  protected constructor(
    code: 'IMAGE_PULL' | 'IMAGE_BUILD',
    operation: 'pull' | 'build',
    image: string,
    reason: string,
    options: { cause?: unknown },
  ) {
    super(code, `image ${operation} failed: ${image}\n${reason}`, { context: { image }, cause: options.cause });
    this.image = image;
    this.reason = reason;
  }
}

/** Pulling an image failed, either at the HTTP level or inside the progress stream. */
export class ImagePullError extends ImageError {
  constructor(image: string, reason: string, options: { cause?: unknown } = {}) {
    super('IMAGE_PULL', 'pull', image, reason, options);
  }
}

/** Building an image failed: the context could not be read, or the engine reported a failing step. */
export class ImageBuildError extends ImageError {
  constructor(image: string, reason: string, options: { cause?: unknown } = {}) {
    super('IMAGE_BUILD', 'build', image, reason, options);
  }
}

/** The Docker daemon does not answer at the configured host. */
export class DockerUnavailableError extends RxcharmError {
  readonly host: string;
  constructor(host: string, options: { cause?: unknown } = {}) {
    const detail = options.cause instanceof Error ? options.cause.message : String(options.cause ?? '');
    super('DOCKER_UNAVAILABLE', `Docker daemon unreachable: ${host}\n${detail}`, {
      context: { host },
      cause: options.cause,
    });
    this.host = host;
  }
}

/** The Docker Engine API answered with an error. */
export class DockerApiError extends RxcharmError {
  readonly statusCode: number | undefined;
  constructor(
    operation: string,
    subject: string,
    statusCode: number | undefined,
    message: string,
    options: { cause?: unknown } = {},
  ) {
    super('DOCKER_API', `docker ${operation} failed: ${subject}\n${message}`, {
      context: { operation, subject, statusCode },
      cause: options.cause,
    });
    this.statusCode = statusCode;
  }
}

/** `up` could not converge a service: a dependency failed, was unhealthy or timed out. */
export class ComposeDependencyError extends RxcharmError {
  constructor(service: string, dependency: string, message: string) {
    super('COMPOSE_DEPENDENCY', `dependency failed: ${service} → ${dependency}\n${message}`, {
      context: { service, dependency },
    });
  }
}

/**
 * A network or volume declared `external` (it must already exist) does not exist. Raised by `up`
 * and `plan` before anything is created or pulled.
 */
export class ComposeExternalResourceError extends RxcharmError {
  readonly kind: 'network' | 'volume';
  /** Engine name looked up. */
  readonly resource: string;
  /** Services that use it. */
  readonly services: readonly string[];
  constructor(kind: 'network' | 'volume', key: string, resource: string, services: readonly string[]) {
    const users = services.length === 0 ? '' : ` (used by service ${services.map((s) => `"${s}"`).join(', ')})`;
    super(
      'COMPOSE_EXTERNAL',
      `external ${kind} "${resource}" not found${users}
` +
        `${kind}s.${key} is declared external, so it must already exist: create it with \`docker ${kind} create ${resource}\`, or drop "external"`,
      { context: { kind, key, resource, services } },
    );
    this.kind = kind;
    this.resource = resource;
    this.services = services;
  }
}

/** A request names something the compose project does not have (service, option value). */
export class ComposeUsageError extends RxcharmError {
  constructor(message: string, context: Record<string, unknown> = {}) {
    super('COMPOSE_USAGE', message, { context });
  }
}

/*
 * Guards that hold for errors from any copy of the framework: a built charm bundles its own copy,
 * and the testing harness's fake Docker client throws from another, so `instanceof` cannot be
 * trusted across that boundary. They check the error code (see isRxcharmError).
 */

/** True for an {@link ImagePullError} from any copy of rxcharm. */
export function isImagePullError(value: unknown): value is ImagePullError {
  return isRxcharmError(value) && value.code === 'IMAGE_PULL';
}

/** True for a {@link DockerUnavailableError} from any copy of rxcharm. */
export function isDockerUnavailableError(value: unknown): value is DockerUnavailableError {
  return isRxcharmError(value) && value.code === 'DOCKER_UNAVAILABLE';
}

/** True for a {@link DockerApiError} from any copy of rxcharm. */
export function isDockerApiError(value: unknown): value is DockerApiError {
  return isRxcharmError(value) && value.code === 'DOCKER_API';
}

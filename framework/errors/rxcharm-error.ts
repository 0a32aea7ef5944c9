/**
 * The root of rxcharm's error family.
 *
 * A built charm bundles its own copy of the framework, so `instanceof` can fail across copies;
 * {@link isRxcharmError} checks a symbol instead (the approach execa takes).
 */
const RXCHARM_ERROR = Symbol.for('rxcharm.error');

/** Context fields an error carries; values must be JSON-friendly so they can be logged. */
export type ErrorContext = Readonly<Record<string, unknown>>;

export interface RxcharmErrorOptions {
  /** Structured details: what failed and where (file, key, unit, tool...). */
  readonly context?: ErrorContext;
  /** The underlying error, kept for the chain. */
  readonly cause?: unknown;
}

/**
 * Base class of every error rxcharm throws.
 *
 * @example
 * ```ts
 * class TemplateKeyError extends RxcharmError {
 *   constructor(key: string, template: string, line: number) {
 *     super('TEMPLATE_KEY', `template key missing: ${key}`, { context: { key, template, line } });
 *   }
 * }
 * ```
 */
export class RxcharmError extends Error {
  /** A stable, machine-readable code such as `DISPATCH_LOOP` or `HOOK_TOOL_FAILED`. */
  readonly code: string;
  /** Structured context: what failed and where. */
  readonly context: ErrorContext;

  constructor(code: string, message: string, options: RxcharmErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.context = options.context ?? {};
    Object.defineProperty(this, 'name', { value: new.target.name, enumerable: false, configurable: true });
    Object.defineProperty(this, RXCHARM_ERROR, { value: true, enumerable: false });
  }
}

/** True when `value` is an rxcharm error from any copy of the framework. */
export function isRxcharmError(value: unknown): value is RxcharmError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[RXCHARM_ERROR] === true;
}

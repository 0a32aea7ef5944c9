/**
 * Error family shared by every rxcharm folder. Stable public API.
 */
export { RxcharmError, isRxcharmError } from './rxcharm-error';
export type { ErrorContext, RxcharmErrorOptions } from './rxcharm-error';

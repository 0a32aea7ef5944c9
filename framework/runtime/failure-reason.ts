import { HandlerError } from '../reactive';
import { isRxcharmError } from '../errors';

function firstLine(text: string): string {
  return (text.split('\n').find((l) => l.trim() !== '') ?? text).trim();
}

/**
 * The one-line reason a hook failed, naming the handler when one threw:
 * `handler app:reactive/app.ts:App.start failed: <first line of its error>`. Pure.
 */
export function failureReason(error: unknown): string {
  if (error instanceof HandlerError || (isRxcharmError(error) && error.code === 'HANDLER_FAILED')) {
    const e = error as HandlerError;
    const cause = e.cause;
    const why = cause instanceof Error ? cause.message : String(cause);
    return `handler ${e.handler ?? String(e.context.handler)} failed: ${firstLine(why)}`;
  }
  if (error instanceof Error) return firstLine(error.message);
  return firstLine(String(error));
}

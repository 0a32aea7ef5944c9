import { metadataFor, shareMetadata, type AnyMethod, type HandlerMetadata } from './handler-metadata';
import { currentDispatch } from './dispatch-context';
import { HandlerDefinitionError, PreconditionError } from './reactive-errors';

/** A TC39 standard method decorator, as returned by the condition decorators. */
export type HandlerDecorator = (method: AnyMethod, context: ClassMethodDecoratorContext) => void;

function recorder(field: keyof Omit<HandlerMetadata, 'onlyOnce'>, name: string, values: string[]): HandlerDecorator {
  if (values.length === 0 || values.some((v) => typeof v !== 'string' || v.length === 0)) {
    throw new HandlerDefinitionError(
      `@${name}(${values.map((v) => JSON.stringify(v)).join(', ')})`,
      'give one or more non-empty strings',
    );
  }
  return (method, context) => {
    if (context.kind !== 'method')
      throw new HandlerDefinitionError(String(context.name), `@${name} applies to methods only`);
    metadataFor(method)[field].push(...values);
  };
}

/** Runs when all `flags` are set. */
export function when(...flags: string[]): HandlerDecorator {
  return recorder('whenAll', 'when', flags);
}
/** Same as {@link when}. */
export function whenAll(...flags: string[]): HandlerDecorator {
  return recorder('whenAll', 'whenAll', flags);
}
/** Runs when none of `flags` is set. */
export function whenNot(...flags: string[]): HandlerDecorator {
  return recorder('whenNone', 'whenNot', flags);
}
/** Same as {@link whenNot}. */
export function whenNone(...flags: string[]): HandlerDecorator {
  return recorder('whenNone', 'whenNone', flags);
}
/** Runs when at least one of `flags` is set. */
export function whenAny(...flags: string[]): HandlerDecorator {
  return recorder('whenAny', 'whenAny', flags);
}
/** Runs when not all of `flags` are set. */
export function whenNotAll(...flags: string[]): HandlerDecorator {
  return recorder('whenNotAll', 'whenNotAll', flags);
}
/**
 * Runs in the hook phase when the hook name matches one of `patterns` (`{a,b}` alternation,
 * `*` globs, `{requires:redis}` endpoint roles). Combined with flag conditions, all must hold.
 */
export function hook(...patterns: string[]): HandlerDecorator {
  return recorder('hooks', 'hook', patterns);
}
/** Runs in the hook phase when the hook is the action `name` (hook name `action:<name>`). */
export function action(name: string): HandlerDecorator {
  return recorder('actions', 'action', [name]);
}
/** Runs when one of `paths` changed since this handler last ran successfully. */
export function whenFileChanged(...paths: string[]): HandlerDecorator {
  return recorder('fileChanged', 'whenFileChanged', paths);
}

/** Runs at most once per unit (until a hook that ran it fails). Usable as `@onlyOnce` or `@onlyOnce()`. */
export function onlyOnce(method: AnyMethod, context: ClassMethodDecoratorContext): void;
export function onlyOnce(): HandlerDecorator;
export function onlyOnce(method?: AnyMethod, context?: ClassMethodDecoratorContext): void | HandlerDecorator {
  const apply: HandlerDecorator = (m, c) => {
    if (c.kind !== 'method') throw new HandlerDefinitionError(String(c.name), '@onlyOnce applies to methods only');
    metadataFor(m).onlyOnce = true;
  };
  if (method === undefined || context === undefined) return apply;
  apply(method, context);
}

/**
 * Asserts, whenever the method is called inside a dispatch, that all `flags` are set; throws
 * {@link PreconditionError} otherwise. Not a condition: on its own it does not make a handler.
 */
export function notUnless(
  ...flags: string[]
): <F extends AnyMethod>(method: F, context: ClassMethodDecoratorContext) => F {
  if (flags.length === 0) throw new HandlerDefinitionError('@notUnless()', 'give one or more flags');
  return <F extends AnyMethod>(method: F, context: ClassMethodDecoratorContext): F => {
    const name = String(context.name);
    const wrapper = function (this: unknown, ...args: unknown[]): unknown {
      const ctx = currentDispatch();
      if (ctx !== undefined) {
        const missing = flags.filter((f) => !ctx.flags.has(f));
        if (missing.length > 0) throw new PreconditionError(name, missing);
      }
      return (method as unknown as (...a: unknown[]) => unknown).apply(this, args);
    };
    shareMetadata(method, wrapper);
    return wrapper as unknown as F;
  };
}

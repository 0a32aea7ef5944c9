import { metadataFor, shareMetadata, type AnyMethod, type HandlerMetadata } from './handler-metadata';
import { currentDispatch } from './dispatch-context';
import { HandlerDefinitionError, PreconditionError } from './reactive-errors';

/** A TC39 standard method decorator, as returned by the condition decorators. */
export type HandlerDecorator = (method: AnyMethod, context: ClassMethodDecoratorContext) => void;

/** The fields of a handler's record the condition decorators add to. */
type ListField = keyof Omit<HandlerMetadata, 'onlyOnce'>;

function recorder(field: ListField, name: string, values: string[]): HandlerDecorator {
  if (values.length === 0 || values.some((v) => typeof v !== 'string' || v.length === 0)) {
    throw new HandlerDefinitionError(
      `@${name}(${values.map((v) => JSON.stringify(v)).join(', ')})`,
      'give one or more non-empty strings',
    );
  }
  return (method, context) => {
    if (context.kind !== 'method')
      throw new HandlerDefinitionError(String(context.name), `@${name} applies to methods only`);
    const record = metadataFor(method);
    if (field === 'whenAny' || field === 'whenNotAll') record[field].push([...values]);
    else record[field].push(...values);
  };
}

/**
 * A condition decorator: `@<name>(...values)` records its values (one or more non-empty strings)
 * under `field` of the method's record.
 */
function conditionDecorator(field: ListField, name: string): (...values: string[]) => HandlerDecorator {
  return (...values) => recorder(field, name, values);
}

/** `@when(...flags)`: runs when all the flags are set. */
export const when = conditionDecorator('whenAll', 'when');
/** Same as {@link when}. */
export const whenAll = conditionDecorator('whenAll', 'whenAll');
/** `@whenNot(...flags)`: runs when none of the flags is set. */
export const whenNot = conditionDecorator('whenNone', 'whenNot');
/** Same as {@link whenNot}. */
export const whenNone = conditionDecorator('whenNone', 'whenNone');
/**
 * `@whenAny(...flags)`: runs when at least one of the flags is set. Stacked, each one must hold:
 * `@whenAny('a', 'b') @whenAny('c', 'd')` is (a or b) and (c or d).
 */
export const whenAny = conditionDecorator('whenAny', 'whenAny');
/** `@whenNotAll(...flags)`: runs when not all of the flags are set (stacked, each one must hold). */
export const whenNotAll = conditionDecorator('whenNotAll', 'whenNotAll');
/**
 * `@hook(...patterns)`: runs in the hook phase when the hook name matches a pattern (`{a,b}` alternation,
 * `*` globs, `{requires:redis}` endpoint roles). Combined with flag conditions, all must hold.
 */
export const hook = conditionDecorator('hooks', 'hook');
/** `@whenFileChanged(...paths)`: runs when one of the files changed since this handler last ran successfully. */
export const whenFileChanged = conditionDecorator('fileChanged', 'whenFileChanged');
/** Runs in the hook phase when the hook is the action `name` (hook name `action:<name>`). */
export function action(name: string): HandlerDecorator {
  return recorder('actions', 'action', [name]);
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

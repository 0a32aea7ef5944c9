/**
 * Conditions recorded by decorators, keyed by the method function itself. Decorators only
 * record; `HandlerRegistry.addClass` reads the records. Stacked decorators add to one record (AND).
 */
export interface HandlerMetadata {
  whenAll: string[];
  whenNone: string[];
  /** One group per `@whenAny`: stacked decorators AND their groups. */
  whenAny: string[][];
  /** One group per `@whenNotAll`. */
  whenNotAll: string[][];
  hooks: string[];
  actions: string[];
  fileChanged: string[];
  onlyOnce: boolean;
}

/**
 * Any method a decorator may see. `never[]` parameters accept every signature, so decorated
 * methods keep their own types; the record is keyed by the function object only.
 */
export type AnyMethod = (...args: never[]) => unknown;

const records = new WeakMap<AnyMethod, HandlerMetadata>();

/** The record of `method`, created empty on first use. */
export function metadataFor(method: AnyMethod): HandlerMetadata {
  let m = records.get(method);
  if (m === undefined) {
    m = {
      whenAll: [],
      whenNone: [],
      whenAny: [],
      whenNotAll: [],
      hooks: [],
      actions: [],
      fileChanged: [],
      onlyOnce: false,
    };
    records.set(method, m);
  }
  return m;
}

/** The record of `method`, if any decorator recorded one. */
export function readMetadata(method: AnyMethod): HandlerMetadata | undefined {
  return records.get(method);
}

/** Makes `wrapper` share the record of `original` (for decorators that replace the method). */
export function shareMetadata(original: AnyMethod, wrapper: AnyMethod): void {
  records.set(wrapper, metadataFor(original));
}

/**
 * Conditions recorded by decorators, keyed by the method function itself. Decorators only
 * record; `HandlerRegistry.addClass` reads the records. Stacked decorators add to one record (AND).
 */
export interface HandlerMetadata {
  whenAll: string[];
  whenNone: string[];
  whenAny: string[];
  whenNotAll: string[];
  hooks: string[];
  actions: string[];
  fileChanged: string[];
  onlyOnce: boolean;
}

const records = new WeakMap<Function, HandlerMetadata>();

/** The record of `method`, created empty on first use. */
export function metadataFor(method: Function): HandlerMetadata {
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
export function readMetadata(method: Function): HandlerMetadata | undefined {
  return records.get(method);
}

/** Makes `wrapper` share the record of `original` (for decorators that replace the method). */
export function shareMetadata(original: Function, wrapper: Function): void {
  records.set(wrapper, metadataFor(original));
}

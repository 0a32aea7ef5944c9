import { createHash } from 'node:crypto';
import { readFileIfExists } from '../charm';
import type { FlagChange, FlagSet, KeyValueStore } from '../unit';
import { conditionsHold, fileHashKey, onlyOnceKey, unmetConditions, type ConditionEnv } from './conditions';
import { runInDispatchContext, currentDispatch, type DispatchContext } from './dispatch-context';
import type { EndpointRoles } from './endpoint-roles';
import type { HandlerRegistry } from './handler-registry';
import { compileHookPattern } from './hook-pattern';
import { IterationQueue } from './iteration-queue';
import { DispatchLoopError, HandlerError, PreconditionError } from './reactive-errors';
import type { RegisteredHandler } from './registered-handler';
import type { DispatchResult, TraceEvent, TraceIteration } from './trace';

/** Options of {@link Dispatcher}. */
export interface DispatcherOptions {
  readonly registry: HandlerRegistry;
  /** The hook's working flags (from `beginTransaction`). */
  readonly flags: FlagSet;
  /** The hook's working kv; `onlyOnce` and `fileChanged` marks live here, so they roll back too. */
  readonly kv: KeyValueStore;
  /** Endpoint roles from metadata.yaml, for `{requires:x}` hook patterns. */
  readonly endpoints?: EndpointRoles;
  /** Maximum reactive iterations (default 100); more fails with {@link DispatchLoopError}. */
  readonly loopLimit?: number;
  /** Reads a watched file; undefined if missing. Default: `fs.readFileSync` relative to cwd. */
  readonly readFile?: (path: string) => Buffer | undefined;
  /** Arguments to pass to a handler (e.g. endpoint instances). Default: none. */
  readonly resolveArgs?: (handler: RegisteredHandler) => unknown[];
  /** Record the trace (default true). */
  readonly trace?: boolean;
}

/**
 * Runs one hook: the hook phase, then reactive iterations until nothing matches (see
 * docs/reactive.md for the exact rules and how they differ from charms.reactive).
 */
export class Dispatcher {
  private readonly o: DispatcherOptions;

  constructor(options: DispatcherOptions) {
    this.o = options;
  }

  /** Dispatches `hookName` (e.g. `config-changed`, `db-relation-joined`, `action:backup`). */
  async dispatch(hookName: string): Promise<DispatchResult> {
    const outer = currentDispatch();
    if (outer !== undefined && outer.flags === this.o.flags) return this.run(hookName, outer);
    return runInDispatchContext({ flags: this.o.flags, kv: this.o.kv, hook: hookName }, () =>
      this.run(hookName, currentDispatch() as DispatchContext),
    );
  }

  private async run(hookName: string, ctx: DispatchContext): Promise<DispatchResult> {
    const { registry, flags, kv } = this.o;
    const limit = this.o.loopLimit ?? 100;
    const tracing = this.o.trace !== false;
    const trace: TraceEvent[] = [];
    const invoked: string[] = [];
    const instances = new Map<object, object>();
    let iteration: TraceIteration = 'hook';
    let changed = new Set<string>();
    let iterations = 0;
    const result = (): DispatchResult => ({
      hook: hookName,
      invoked: [...invoked],
      flags: flags.list(),
      iterations,
      trace: [...trace],
    });

    for (const t of registry.triggers) flags.registerTrigger(t);
    // Flags changed since the last handler's turn (by it, or its triggers): the queued handlers
    // watching them are tested again before the next turn.
    const changedSinceTurn: string[] = [];
    const sub = flags.changes$.subscribe((c: FlagChange) => {
      changed.add(c.flag);
      changedSinceTurn.push(c.flag);
      if (tracing) trace.push(flagEvent(c, iteration));
    });
    try {
      const env = this.conditionEnv(hookName);
      const index = registry.index();
      const test = (h: RegisteredHandler, type: 'handler.tested' | 'handler.skipped'): boolean => {
        if (!tracing) return conditionsHold(h, env);
        const unmet = unmetConditions(h, env);
        const passed = unmet.length === 0;
        if (type === 'handler.tested' || !passed) {
          trace.push(
            type === 'handler.tested'
              ? { type, iteration, handler: h.id, passed, unmet }
              : { type, iteration, handler: h.id, unmet },
          );
        }
        return passed;
      };
      const fail = (h: RegisteredHandler, e: unknown): never => {
        if (tracing)
          trace.push({
            type: 'handler.failed',
            iteration,
            handler: h.id,
            error: e instanceof Error ? e.message : String(e),
          });
        throw new HandlerError(h.id, e, result());
      };
      // Marks are written only after a successful run, never while testing.
      const succeed = (h: RegisteredHandler, files: ReadonlyArray<readonly [string, string | null]>): void => {
        if (h.onlyOnce) kv.set(onlyOnceKey(h.id), true);
        for (const [p, hash] of files) kv.set(fileHashKey(p), hash);
      };
      // Synchronous handlers complete without creating a promise (promises are costly under
      // AsyncLocalStorage); an async handler returns the promise to await.
      const invoke = (h: RegisteredHandler): PromiseLike<void> | undefined => {
        const files = h.fileChanged.length === 0 ? NO_FILES : h.fileChanged.map((p) => [p, env.fileHash(p)] as const);
        if (tracing) trace.push({ type: 'handler.invoked', iteration, handler: h.id });
        invoked.push(h.id);
        ctx.cause = h.id;
        let out: unknown;
        try {
          if (h.notUnless.length > 0) {
            const missing = h.notUnless.filter((f) => !flags.has(f));
            if (missing.length > 0) throw new PreconditionError(h.id, missing);
          }
          out = h.invoke(this.o.resolveArgs === undefined ? NO_ARGS : this.o.resolveArgs(h), instances);
        } catch (e) {
          ctx.cause = 'runtime';
          return fail(h, e);
        }
        if (!isThenable(out)) {
          ctx.cause = 'runtime';
          succeed(h, files);
          return undefined;
        }
        return Promise.resolve(out).then(
          () => {
            ctx.cause = 'runtime';
            succeed(h, files);
          },
          (e: unknown) => {
            ctx.cause = 'runtime';
            fail(h, e);
          },
        );
      };

      // Hook phase: conditions are tested right before each handler runs.
      if (tracing) trace.push({ type: 'phase.start', phase: 'hook', hook: hookName });
      for (const h of index.hook) {
        if (!test(h, 'handler.tested')) continue;
        const pending = invoke(h);
        if (pending !== undefined) await pending;
      }

      // Reactive phase.
      if (tracing) trace.push({ type: 'phase.start', phase: 'reactive', hook: hookName });
      const queue = new IterationQueue(registry.handlers.length);
      const dropTest = (h: RegisteredHandler): boolean => test(h, 'handler.skipped');
      let candidates: readonly RegisteredHandler[] = index.reactive;
      let lastInvoked: string[] = [];
      let lastChanged: string[] = [];
      for (let k = 0; candidates.length > 0; k++) {
        iteration = k;
        if (tracing) {
          trace.push(
            k === 0
              ? { type: 'iteration.start', iteration: k, candidates: candidates.length }
              : { type: 'iteration.start', iteration: k, candidates: candidates.length, changed: lastChanged },
          );
        }
        changed = new Set();
        const queued = candidates.filter((h) => test(h, 'handler.tested'));
        if (queued.length === 0) break;
        if (k >= limit) {
          const handlers = [...new Set([...lastInvoked, ...queued.map((h) => h.id)])];
          throw new DispatchLoopError(hookName, limit, { handlers, flags: lastChanged }, result());
        }
        iterations++;
        const ran: string[] = [];
        queue.start(queued);
        changedSinceTurn.length = 0;
        for (;;) {
          if (changedSinceTurn.length > 0) {
            queue.dropFalsified(changedSinceTurn, index.byFlag, dropTest);
            changedSinceTurn.length = 0;
          }
          const h = queue.take();
          if (h === undefined) break;
          // A handler runs only if its conditions hold at the instant it is invoked. Its flag
          // conditions do (a change that made them false dropped it); a watched file may have
          // been written by an earlier handler.
          if (h.fileChanged.length > 0 && !test(h, 'handler.skipped')) continue;
          const pending = invoke(h);
          if (pending !== undefined) await pending;
          ran.push(h.id);
        }
        lastInvoked = ran;
        lastChanged = [...changed].sort();
        candidates = nextCandidates(changed, index.byFlag, index.fileWatchers);
      }
      return result();
    } finally {
      sub.unsubscribe();
    }
  }

  private conditionEnv(hookName: string): ConditionEnv {
    const { flags, kv } = this.o;
    const read = this.o.readFile ?? readFileIfExists;
    const hookMatch = new Map<RegisteredHandler, boolean>();
    return {
      hasFlag: (f) => flags.has(f),
      hasKey: (k) => kv.has(k),
      getKey: (k) => kv.get(k),
      fileHash: (p) => {
        const data = read(p);
        return data === undefined ? null : createHash('sha256').update(data).digest('hex');
      },
      hookMatches: (h) => {
        let m = hookMatch.get(h);
        if (m === undefined) {
          m =
            h.actions.some((a) => hookName === `action:${a}`) ||
            h.hooks.some((p) => compileHookPattern(p, this.o.endpoints)?.test(hookName) === true);
          hookMatch.set(h, m);
        }
        return m;
      },
    };
  }
}

const NO_FILES: ReadonlyArray<readonly [string, string | null]> = [];
const NO_ARGS: unknown[] = [];

/**
 * Handlers to test in the next iteration: those watching a flag that changed, plus file
 * watchers, in registration order. Pure.
 */
export function nextCandidates(
  changed: ReadonlySet<string>,
  byFlag: ReadonlyMap<string, readonly RegisteredHandler[]>,
  fileWatchers: readonly RegisteredHandler[],
): RegisteredHandler[] {
  const picked = new Set<RegisteredHandler>(fileWatchers);
  for (const f of changed) for (const h of byFlag.get(f) ?? []) picked.add(h);
  return [...picked].sort((a, b) => a.order - b.order);
}

function flagEvent(c: FlagChange, iteration: TraceIteration): TraceEvent {
  const type = c.change === 'set' ? ('flag.set' as const) : ('flag.cleared' as const);
  return c.trigger === undefined
    ? { type, iteration, flag: c.flag, cause: c.cause }
    : { type, iteration, flag: c.flag, cause: c.cause, origin: c.origin, trigger: c.trigger };
}

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return typeof v === 'object' && v !== null && typeof (v as { then?: unknown }).then === 'function';
}

import type { ModelState } from './model/model-state';
import type { UnitRecord } from './model/types';
import type { HookProcessResult } from './runner/run-hook-process';
import type { ActionRun } from './tools/hook-execution';

/**
 * Exclusive access to a model for one {@link LocalAgent} operation: the model, and the ways to
 * persist it and run its hooks. A command without a running agent gets one backed by the model
 * lock and its own hook runs; inside `rxcharm agent` it is backed by the agent's live model.
 */
export interface ModelSession {
  /** The model to read and change (changes are synchronous; call `save` after them). */
  readonly model: ModelState;
  /** Writes the model (atomically) after a change. */
  save(): void;
  /** Runs queued hooks until none can run (queues empty or units in error), or `shouldStop`. */
  drain(shouldStop?: () => boolean): Promise<void>;
  /** Runs an action on a unit, one operation at a time on that unit. */
  runAction(unit: UnitRecord, run: ActionRun): Promise<HookProcessResult>;
}

/** Gives a {@link LocalAgent} its {@link ModelSession}s (the running agent is one). */
export interface ModelHost {
  /** Runs `fn` with exclusive access to the model; `timeoutMs` bounds the wait for it. */
  session<T>(fn: (session: ModelSession) => Promise<T>, timeoutMs?: number): Promise<T>;
}

import type { UnitState } from './unit-state';

/**
 * Where a unit's state lives. `save` is atomic: after a crash at any instant, `load` returns
 * either the state before or the state after the `save`, never a mix.
 */
export interface UnitStore {
  /** The stored state, or the empty state if nothing was stored yet. */
  load(): UnitState;
  /** Replaces the stored state. */
  save(state: UnitState): void;
}

import { emptyUnitState, type UnitState } from './unit-state';
import type { UnitStore } from './unit-store';

/** A {@link UnitStore} in memory, for tests and the in-process harness. Copies on load and save. */
export class MemoryUnitStore implements UnitStore {
  private state: UnitState;
  /** How many times `save` was called (lets tests check that a failed hook wrote nothing). */
  saves = 0;

  constructor(initial: Partial<UnitState> = {}) {
    this.state = structuredClone({ ...emptyUnitState(), ...initial, version: 1 as const });
  }

  load(): UnitState {
    return structuredClone(this.state);
  }

  save(state: UnitState): void {
    this.state = structuredClone(state);
    this.saves++;
  }
}

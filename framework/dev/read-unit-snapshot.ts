import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ModelLookupError, type LocalAgent } from '../agent';
import { listHookTraceFiles, readHookTrace, type HookTraceRecord } from '../runtime/hook-trace-file';
import { emptyUnitState, UNIT_STATE_FILE, type UnitState } from '../unit';
import { unitSnapshot, type UnitSnapshot } from './unit-snapshot';

/** A live unit's snapshot with what the snapshot command also needs. */
export interface LiveUnitSnapshot extends UnitSnapshot {
  /** The unit's charm dir in the model. */
  readonly charmDir: string;
  /** The layer the application was built from, or its charm dir. */
  readonly source: string;
  /** The unit's last hook trace, if it ran an rxcharm hook. */
  readonly lastHook?: HookTraceRecord;
}

/**
 * Reads a unit of the local model: its store (`.rxcharm/unit-state.json`; none yet is the empty
 * state), the model's view of it and its last trace, and returns its {@link unitSnapshot}.
 *
 * @throws ModelLookupError for an unknown unit.
 */
export function readUnitSnapshot(agent: LocalAgent, unitName: string): LiveUnitSnapshot {
  const model = agent.state();
  if (!unitName.includes('/')) throw new ModelLookupError('unit', unitName, 'name a unit, such as voting-app/0');
  const unit = model.unit(unitName);
  const app = model.app(unitName.slice(0, unitName.lastIndexOf('/')));
  const charmDir = join(agent.modelDir, unit.charmDir);
  let stored: UnitState;
  try {
    stored = JSON.parse(readFileSync(join(charmDir, UNIT_STATE_FILE), 'utf8')) as UnitState;
  } catch {
    stored = emptyUnitState();
  }
  const traces = listHookTraceFiles(charmDir);
  const last = traces[traces.length - 1];
  const lastHook = last === undefined ? undefined : readHookTrace(last.file);
  return {
    ...unitSnapshot(model, unitName, stored),
    charmDir,
    source: app.layer ?? app.source,
    ...(lastHook === undefined ? {} : { lastHook }),
  };
}

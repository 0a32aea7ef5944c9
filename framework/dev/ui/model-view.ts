import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalAgent } from '../../agent';
import { Redactor } from '../../hookenv';
import { listHookTraceFiles, readHookTrace } from '../../runtime/hook-trace-file';
import { UNIT_STATE_DIR, UNIT_STATE_FILE } from '../../unit';

/** One hook run as the page lists it. */
export interface TraceView {
  readonly n: number;
  readonly hook: string;
  readonly ok: boolean;
  readonly time: string;
  readonly invoked: readonly string[];
}

/** A unit on the page. */
export interface UnitView {
  readonly name: string;
  readonly leader: boolean;
  readonly workload: string;
  readonly message: string;
  readonly ports: readonly string[];
  readonly error: string | null;
  readonly flags: readonly string[];
  /** Last hooks, newest first. */
  readonly traces: readonly TraceView[];
}

/** An application on the page. */
export interface ApplicationView {
  readonly name: string;
  readonly charm: string;
  /** Changes when the application's charm changes (the page fetches its graph again). */
  readonly graphKey: string;
  readonly units: readonly UnitView[];
}

/** Everything the model page shows (never a config value or relation data: no secrets to leak). */
export interface ModelView {
  readonly model: string;
  readonly applications: readonly ApplicationView[];
  readonly relations: ReadonlyArray<{ readonly id: number; readonly endpoints: readonly string[] }>;
}

/** How many hooks per unit the page lists. */
const TRACES_SHOWN = 8;

function unitFlags(charmDir: string): string[] {
  try {
    const state = JSON.parse(readFileSync(join(charmDir, UNIT_STATE_FILE), 'utf8')) as {
      flags?: unknown;
    };
    return Array.isArray(state.flags) ? state.flags.filter((f): f is string => typeof f === 'string').sort() : [];
  } catch {
    return [];
  }
}

function unitTraces(charmDir: string): TraceView[] {
  return listHookTraceFiles(charmDir)
    .slice(-TRACES_SHOWN)
    .reverse()
    .flatMap((f) => {
      try {
        const t = readHookTrace(f.file);
        return [{ n: t.n, hook: t.hook, ok: t.ok, time: t.time, invoked: [...t.invoked] }];
      } catch {
        return [];
      }
    });
}

/** A stamp of a deployed charm's code and metadata (their times and sizes). */
export function charmStamp(charmDir: string): string {
  return ['lib/charm.bundle.js', 'metadata.yaml']
    .map((f) => {
      try {
        const s = statSync(join(charmDir, f));
        return `${s.mtimeMs}:${s.size}`;
      } catch {
        return '-';
      }
    })
    .join('/');
}

/**
 * What the page shows, read from the model and the units' stores and traces. Passed through the
 * log redactor as a last guard: any value under a secret-looking key is replaced.
 */
export function readModelView(agent: LocalAgent): ModelView {
  const model = agent.state();
  const view: ModelView = {
    model: model.data.name,
    applications: Object.values(model.data.applications)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((app) => ({
        name: app.name,
        charm: app.charm.name,
        graphKey: charmStamp(join(agent.modelDir, app.charmDir)),
        units: model.unitsOf(app.name, true).map((unit) => {
          const dir = join(agent.modelDir, unit.charmDir);
          const shown = model.displayStatus(unit);
          return {
            name: unit.name,
            leader: app.leader === unit.name,
            workload: shown.status,
            message: shown.message,
            ports: [...unit.ports],
            error: unit.error?.message ?? null,
            flags: unitFlags(dir),
            traces: unitTraces(dir),
          };
        }),
      })),
    relations: model.data.relations.map((r) => ({
      id: r.id,
      endpoints: r.endpoints.map((e) => `${e.app}:${e.endpoint}`),
    })),
  };
  return new Redactor().redactValue(view) as ModelView;
}

/**
 * A cheap fingerprint of what the view depends on (file times and sizes): the server recomputes
 * and pushes the view only when it changes.
 */
export function modelFingerprint(agent: LocalAgent): string {
  const parts: string[] = [];
  const stamp = (path: string): void => {
    try {
      const s = statSync(path);
      parts.push(`${path}:${s.mtimeMs}:${s.size}`);
    } catch {
      parts.push(`${path}:-`);
    }
  };
  stamp(join(agent.modelDir, 'model.json'));
  let units: string[] = [];
  try {
    units = agent
      .state()
      .allUnits()
      .map((u) => join(agent.modelDir, u.charmDir));
  } catch {
    return parts.join('|');
  }
  for (const dir of units) {
    stamp(join(dir, UNIT_STATE_FILE));
    stamp(join(dir, UNIT_STATE_DIR, 'traces'));
  }
  return parts.join('|');
}

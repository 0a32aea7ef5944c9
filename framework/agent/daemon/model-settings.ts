import type { ModelData } from '../model/types';
import { DurationSyntaxError, ModelSettingsError } from './daemon-errors';
import { parseJujuDuration } from './juju-duration';

/** A model setting's type: a Juju duration (`5m`) or a boolean. */
export type ModelSettingType = 'duration' | 'boolean';

/** One model setting the local agent knows. */
export interface ModelSettingSpec {
  readonly type: ModelSettingType;
  readonly default: string | boolean;
  readonly description: string;
}

/** The model settings `rxcharm model-config` shows and sets (Juju's names and defaults). */
export const MODEL_SETTINGS: Readonly<Record<string, ModelSettingSpec>> = {
  'automatically-retry-hooks': {
    type: 'boolean',
    default: true,
    description: 'retry a failed hook with back-off (5s doubling to 5m) until it succeeds or is resolved',
  },
  'update-status-hook-interval': {
    type: 'duration',
    default: '5m',
    description: 'how often `rxcharm agent` runs update-status on every unit',
  },
};

/** One setting with where its value comes from, as `juju model-config` lists it. */
export interface ModelSettingView {
  readonly key: string;
  readonly from: 'default' | 'model';
  readonly value: string | boolean;
}

/** Every setting, sorted by key, with its value or default. */
export function modelSettingsView(data: ModelData): ModelSettingView[] {
  return Object.keys(MODEL_SETTINGS)
    .sort()
    .map((key) => {
      const set = data.modelConfig?.[key];
      return set === undefined
        ? { key, from: 'default' as const, value: MODEL_SETTINGS[key]!.default }
        : { key, from: 'model' as const, value: set };
    });
}

/** The settings the agent acts on, typed. */
export interface AgentModelSettings {
  /** `update-status-hook-interval` in milliseconds. */
  readonly updateStatusIntervalMs: number;
  /** `automatically-retry-hooks`. */
  readonly retryHooks: boolean;
}

/** Reads the settings the agent acts on (stored values were checked when set). */
export function agentModelSettings(data: ModelData): AgentModelSettings {
  const value = (key: string): string | boolean => data.modelConfig?.[key] ?? MODEL_SETTINGS[key]!.default;
  return {
    updateStatusIntervalMs: parseJujuDuration(String(value('update-status-hook-interval'))),
    retryHooks: value('automatically-retry-hooks') === true,
  };
}

/**
 * Checks `key=value` assignments and keys to reset against {@link MODEL_SETTINGS}, and returns
 * the values to store. Every problem is collected, each naming its key.
 *
 * @throws ModelSettingsError listing every problem.
 */
export function validateModelSettings(
  assignments: readonly string[],
  reset: readonly string[] = [],
): { set: Record<string, string | boolean>; reset: string[] } {
  const problems: string[] = [];
  const set: Record<string, string | boolean> = {};
  for (const assignment of assignments) {
    const eq = assignment.indexOf('=');
    if (eq <= 0) {
      problems.push(`${JSON.stringify(assignment)}: expected key=value`);
      continue;
    }
    const key = assignment.slice(0, eq);
    const text = assignment.slice(eq + 1);
    const spec = MODEL_SETTINGS[key];
    if (spec === undefined) problems.push(`${key}: unknown setting (known: ${Object.keys(MODEL_SETTINGS).join(', ')})`);
    else if (key in set) problems.push(`${key}: set twice`);
    else if (reset.includes(key)) problems.push(`${key}: both set and reset`);
    else {
      const parsed = parseSetting(key, spec, text);
      if (typeof parsed === 'object') problems.push(parsed.problem);
      else set[key] = parsed;
    }
  }
  for (const key of reset) {
    if (MODEL_SETTINGS[key] === undefined) problems.push(`${key}: unknown setting`);
  }
  if (problems.length > 0) throw new ModelSettingsError(problems);
  return { set, reset: [...reset] };
}

/**
 * Applies validated settings to the model (values equal to the default are stored too, as Juju
 * keeps what the operator set). Validates first: on error nothing changes.
 *
 * @returns the keys whose effective value changed.
 */
export function applyModelSettings(
  data: ModelData,
  assignments: readonly string[],
  reset: readonly string[] = [],
): string[] {
  const valid = validateModelSettings(assignments, reset);
  const before = new Map(modelSettingsView(data).map((s) => [s.key, s.value]));
  const config = { ...data.modelConfig };
  for (const key of valid.reset) delete config[key];
  Object.assign(config, valid.set);
  data.modelConfig = config;
  return modelSettingsView(data)
    .filter((s) => before.get(s.key) !== s.value)
    .map((s) => s.key);
}

function parseSetting(key: string, spec: ModelSettingSpec, text: string): string | boolean | { problem: string } {
  if (spec.type === 'boolean') {
    const lower = text.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    return { problem: `${key}: expected true or false, got ${JSON.stringify(text)}` };
  }
  try {
    if (parseJujuDuration(text) <= 0) return { problem: `${key}: must be longer than 0, got ${JSON.stringify(text)}` };
    return text;
  } catch (error) {
    if (error instanceof DurationSyntaxError) return { problem: `${key}: ${error.message}` };
    throw error;
  }
}

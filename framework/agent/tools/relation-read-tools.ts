import { defineQueryTool } from './define-tool';
import { appOfUnit } from '../model/model-state';
import type { RelationRecord } from '../model/types';
import { RELATION_FLAG, type FlagSpec } from './flag-parser';
import { relationFromFlag, relationKey, type ToolEnv } from './tool-env';
import { ToolRuntimeError, ToolUsageError } from './tool-errors';

const UNIT_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]*[a-z][a-z0-9]*)*\/\d+$/;
const APP_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]*[a-z][a-z0-9]*)*$/;
/** `-r` and `--app`: which relation, and its application side rather than a unit's. */
const RELATION_APP_FLAGS: readonly FlagSpec[] = [RELATION_FLAG, { names: ['app'], kind: 'bool' }];

/** The relation a relation tool acts on: `-r` or the hook's own. */
export function requireRelation(env: ToolEnv, flag: string | boolean | undefined): RelationRecord {
  const relation = relationFromFlag(env, flag);
  if (relation === undefined) throw new ToolUsageError('no relation id specified');
  return relation;
}

/** `relation-ids [<endpoint>] [--format]`. */
export const relationIds = defineQueryTool(
  'relation-ids',
  { usage: 'relation-ids [options] <name>', summary: 'list all relation ids for the given endpoint', maxArgs: 1 },
  (env, parsed) => {
    let endpoint = parsed.positional[0];
    if (endpoint === undefined) {
      const own = env.exec.relationId === undefined ? undefined : env.model.findRelation(env.exec.relationId);
      if (own === undefined) throw new ToolUsageError('no endpoint name specified');
      endpoint = env.model.localEndpoint(own, env.exec.app).endpoint;
    }
    return env.model.data.relations
      .filter((r) => r.endpoints.some((e) => e.app === env.exec.app && e.endpoint === endpoint))
      .filter((r) => !r.left.includes(env.exec.unit))
      .sort((a, b) => a.id - b.id)
      .map((r) => relationKey(env, r));
  },
);

/** `relation-list [-r ID] [--app] [--format]`. */
export const relationList = defineQueryTool(
  'relation-list',
  { usage: 'relation-list [options]', summary: 'list relation units', flags: RELATION_APP_FLAGS, maxArgs: 0 },
  (env, parsed) => {
    const relation = requireRelation(env, parsed.flags.r);
    if (parsed.flags.app === true) return env.model.remoteEndpoint(relation, env.exec.app).app;
    return [...(relation.scope[env.exec.unit] ?? [])].sort();
  },
);

function merged(
  committed: Record<string, string> | undefined,
  pending: Record<string, string> | null | undefined,
): Record<string, string> {
  const out: Record<string, string> = { ...(committed ?? {}) };
  for (const [key, value] of Object.entries(pending ?? {})) {
    if (value === '') delete out[key];
    else out[key] = value;
  }
  return out;
}

function readAppBag(env: ToolEnv, relation: RelationRecord, app: string): Record<string, string> {
  if (!relation.endpoints.some((e) => e.app === app)) {
    throw new ToolRuntimeError(
      `cannot read settings for application "${app}" in relation "${relationKey(env, relation)}": application not found`,
    );
  }
  if (app !== env.exec.app) return { ...(relation.appData[app] ?? {}) };
  const leader = env.model.app(app).leader === env.exec.unit;
  if (leader) return merged(relation.appData[app], env.exec.relationSets.get(relation.id)?.app);
  if (env.model.isPeer(relation)) return { ...(relation.appData[app] ?? {}) };
  throw new ToolRuntimeError('permission denied');
}

function readUnitBag(env: ToolEnv, relation: RelationRecord, unit: string): Record<string, string> {
  if (unit === env.exec.unit) return merged(relation.unitData[unit], env.exec.relationSets.get(relation.id)?.unit);
  const member = relation.endpoints.some((e) => e.app === appOfUnit(unit)) && env.model.findUnit(unit) !== undefined;
  if (!member && relation.unitData[unit] === undefined) {
    throw new ToolRuntimeError(
      `cannot read settings for unit "${unit}" in relation "${relationKey(env, relation)}": unit "${unit}": settings not found`,
    );
  }
  return { ...(relation.unitData[unit] ?? {}) };
}

/** `relation-get [-r ID] [--app] [<key>|-] [<unit-or-app>] [--format]`. */
export const relationGet = defineQueryTool(
  'relation-get',
  {
    usage: 'relation-get [options] <key> <unit id>',
    summary: 'get relation settings',
    flags: RELATION_APP_FLAGS,
    maxArgs: 2,
  },
  (env, parsed) => {
    const relation = requireRelation(env, parsed.flags.r);
    const keyArg = parsed.positional[0];
    const key = keyArg === undefined || keyArg === '-' ? undefined : keyArg;
    let appMode = parsed.flags.app === true;
    let target = parsed.positional[1];
    if (target === undefined) {
      if (!appMode && env.exec.remoteUnit) target = env.exec.remoteUnit;
      else if (env.exec.remoteApp) {
        target = env.exec.remoteApp;
        appMode = true;
      } else throw new ToolUsageError('no unit or application specified');
    }
    let bag: Record<string, string>;
    if (appMode) {
      const app = target.includes('/') ? appOfUnit(target) : target;
      if (!APP_NAME.test(app)) throw new ToolUsageError(`invalid application name "${target}"`);
      bag = readAppBag(env, relation, app);
    } else {
      if (!UNIT_NAME.test(target)) {
        if (APP_NAME.test(target)) throw new ToolUsageError(`expected unit name, got application name "${target}"`);
        throw new ToolUsageError(`invalid unit name "${target}"`);
      }
      bag = readUnitBag(env, relation, target);
    }
    return key === undefined ? bag : (bag[key] ?? null);
  },
);

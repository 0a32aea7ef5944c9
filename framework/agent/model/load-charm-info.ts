import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CharmLoadError } from '../errors';
import type {
  CharmAction,
  CharmEndpoint,
  CharmInfo,
  ConfigOption,
  ConfigOptionType,
  ConfigValue,
  EndpointRole,
} from './types';

const ROLES: readonly EndpointRole[] = ['requires', 'provides', 'peers'];
const TYPES: readonly ConfigOptionType[] = ['string', 'int', 'float', 'boolean'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readYaml(dir: string, file: string, required: boolean): Record<string, unknown> | undefined {
  const path = join(dir, file);
  if (!existsSync(path)) {
    if (required) throw new CharmLoadError(dir, `${file} is missing`);
    return undefined;
  }
  let doc: unknown;
  try {
    doc = parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CharmLoadError(dir, `${file} is not valid YAML: ${(error as Error).message}`, error);
  }
  if (doc === null || doc === undefined) return {};
  if (!isRecord(doc)) throw new CharmLoadError(dir, `${file} must be a mapping`);
  return doc;
}

function checkDefault(dir: string, name: string, type: ConfigOptionType, value: unknown): ConfigValue {
  if (value === undefined || value === null) return null;
  const ok =
    (type === 'string' && typeof value === 'string') ||
    (type === 'int' && typeof value === 'number' && Number.isInteger(value)) ||
    (type === 'float' && typeof value === 'number') ||
    (type === 'boolean' && typeof value === 'boolean');
  if (!ok)
    throw new CharmLoadError(dir, `config.yaml: option "${name}": default ${JSON.stringify(value)} is not a ${type}`);
  return value as ConfigValue;
}

function loadConfig(dir: string): Record<string, ConfigOption> {
  const doc = readYaml(dir, 'config.yaml', false);
  const options = doc?.options ?? {};
  if (!isRecord(options)) throw new CharmLoadError(dir, 'config.yaml: "options" must be a mapping');
  const result: Record<string, ConfigOption> = {};
  for (const [name, raw] of Object.entries(options)) {
    if (!isRecord(raw)) throw new CharmLoadError(dir, `config.yaml: option "${name}" must be a mapping`);
    const type = (raw.type ?? 'string') as ConfigOptionType;
    if (!TYPES.includes(type)) {
      throw new CharmLoadError(
        dir,
        `config.yaml: option "${name}": unknown type "${String(raw.type)}" (expected ${TYPES.join(', ')})`,
      );
    }
    const option: ConfigOption = { type, default: checkDefault(dir, name, type, raw.default) };
    result[name] = typeof raw.description === 'string' ? { ...option, description: raw.description } : option;
  }
  return result;
}

function loadEndpoints(dir: string, metadata: Record<string, unknown>): CharmEndpoint[] {
  const endpoints: CharmEndpoint[] = [];
  for (const role of ROLES) {
    const section = metadata[role];
    if (section === undefined || section === null) continue;
    if (!isRecord(section)) throw new CharmLoadError(dir, `metadata.yaml: "${role}" must be a mapping`);
    for (const [name, raw] of Object.entries(section)) {
      const iface = typeof raw === 'string' ? raw : isRecord(raw) ? raw.interface : undefined;
      if (typeof iface !== 'string' || iface === '') {
        throw new CharmLoadError(dir, `metadata.yaml: endpoint "${role}.${name}" has no interface`);
      }
      if (endpoints.some((e) => e.name === name))
        throw new CharmLoadError(dir, `metadata.yaml: endpoint "${name}" is declared twice`);
      endpoints.push({ name, role, interface: iface });
    }
  }
  return endpoints;
}

function loadActions(dir: string): Record<string, CharmAction> {
  const doc = readYaml(dir, 'actions.yaml', false) ?? {};
  const actions: Record<string, CharmAction> = {};
  for (const [name, raw] of Object.entries(doc)) {
    const spec = isRecord(raw) ? raw : {};
    const params = isRecord(spec.params) ? spec.params : {};
    const required = Array.isArray(spec.required)
      ? spec.required.filter((r): r is string => typeof r === 'string')
      : [];
    const action: CharmAction = { params, required };
    actions[name] = typeof spec.description === 'string' ? { ...action, description: spec.description } : action;
  }
  return actions;
}

/**
 * Reads what the agent needs from a built charm directory: name, endpoints, config options and
 * actions.
 *
 * @throws CharmLoadError when `metadata.yaml` is missing or any of the files is malformed.
 */
export function loadCharmInfo(dir: string): CharmInfo {
  const metadata = readYaml(dir, 'metadata.yaml', true) ?? {};
  const name = metadata.name;
  if (typeof name !== 'string' || name === '') throw new CharmLoadError(dir, 'metadata.yaml: "name" is missing');
  const extra = isRecord(metadata['extra-bindings']) ? Object.keys(metadata['extra-bindings']) : [];
  const resources = isRecord(metadata.resources) ? Object.keys(metadata.resources) : [];
  return {
    name,
    endpoints: loadEndpoints(dir, metadata),
    extraBindings: extra,
    resources,
    config: loadConfig(dir),
    actions: loadActions(dir),
  };
}

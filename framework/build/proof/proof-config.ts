import { isMap, type YamlMap } from '../internal/read-yaml';
import type { ProofFinding } from './proof-finding';

const TYPES = new Set(['string', 'int', 'float', 'boolean', 'secret']);
const OPTION_KEYS = new Set(['type', 'default', 'description']);

/** Schema checks of merged `config.yaml`: option names, types, defaults of the right type. Pure. */
export function checkConfig(config: YamlMap, file = 'config.yaml'): ProofFinding[] {
  const out: ProofFinding[] = [];
  const add = (severity: ProofFinding['severity'], message: string): void => void out.push({ severity, file, message });
  const options = config['options'];
  if (!isMap(options)) {
    add('E', 'missing options mapping');
    return out;
  }
  for (const key of Object.keys(config)) if (key !== 'options') add('W', `unknown top-level key: ${key}`);
  for (const [name, spec] of Object.entries(options)) {
    const where = `options.${name}`;
    if (!/^[a-z0-9]+([\w-]*[a-z0-9]+)?$/.test(name)) add('E', `${where}: invalid option name`);
    if (!isMap(spec)) {
      add('E', `${where}: must be a mapping with type, default and description`);
      continue;
    }
    for (const key of Object.keys(spec)) if (!OPTION_KEYS.has(key)) add('W', `${where}: unknown key ${key}`);
    const type = spec['type'];
    if (typeof type !== 'string') add('E', `${where}: missing type`);
    else if (!TYPES.has(type)) add('E', `${where}: type '${type}' is not one of string, int, float, boolean, secret`);
    if (spec['description'] === undefined) add('W', `${where}: missing description`);
    if (!('default' in spec)) {
      add('I', `${where}: no default`);
      continue;
    }
    const value = spec['default'];
    if (value === null) continue;
    const ok =
      type === 'string' || type === 'secret'
        ? typeof value === 'string'
        : type === 'int'
          ? Number.isInteger(value)
          : type === 'float'
            ? typeof value === 'number'
            : type === 'boolean'
              ? typeof value === 'boolean'
              : true;
    if (!ok) add('E', `${where}: default ${JSON.stringify(value)} is not of type ${String(type)}`);
  }
  return out;
}

/** Checks of merged `actions.yaml`: reserved names and the `actions/<name>` entry points. */
export function checkActions(
  actions: YamlMap,
  hasEntry: (name: string) => boolean,
  file = 'actions.yaml',
): ProofFinding[] {
  const out: ProofFinding[] = [];
  for (const [name, spec] of Object.entries(actions)) {
    if (name.startsWith('juju'))
      out.push({ severity: 'E', file, message: `action ${name}: names starting with juju are reserved` });
    if (spec !== null && !isMap(spec)) out.push({ severity: 'E', file, message: `action ${name}: must be a mapping` });
    if (!hasEntry(name)) out.push({ severity: 'W', file, message: `action ${name}: no actions/${name} entry point` });
  }
  return out;
}

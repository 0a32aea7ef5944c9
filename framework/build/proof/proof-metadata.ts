import { CharmFileError, parseEndpoint } from '../../charm';
import { isMap, type YamlMap } from '../internal/read-yaml';
import type { ProofFinding } from './proof-finding';

const KNOWN_KEYS = new Set([
  'name',
  'display-name',
  'summary',
  'docs',
  'maintainer',
  'maintainers',
  'min-juju-version',
  'description',
  'categories',
  'subordinate',
  'provides',
  'requires',
  'format',
  'peers',
  'tags',
  'series',
  'storage',
  'extra-bindings',
  'payloads',
  'terms',
  'resources',
  'devices',
  'deployment',
  'assumes',
  'containers',
]);
const RELATION_KEYS = new Set(['interface', 'scope', 'limit', 'optional']);

/** Schema checks of merged `metadata.yaml` (charm-tools' rules that matter to rxcharm). Pure. */
export function checkMetadata(metadata: YamlMap, file = 'metadata.yaml'): ProofFinding[] {
  const out: ProofFinding[] = [];
  const add = (severity: ProofFinding['severity'], message: string): void => void out.push({ severity, file, message });
  const name = metadata['name'];
  if (typeof name !== 'string' || name.length === 0) add('E', 'missing required key: name');
  else if (!/^[a-z][a-z0-9-]*$/.test(name))
    add('E', `name '${name}' must be lowercase letters, digits and dashes, starting with a letter`);
  const summary = metadata['summary'];
  if (typeof summary !== 'string' || summary.length === 0) add('E', 'missing required key: summary');
  else if (summary.length > 72) add('W', 'summary is longer than 72 characters');
  if (metadata['description'] === undefined) add('W', 'missing key: description');
  const { maintainer, maintainers } = metadata;
  if (maintainer !== undefined && maintainers !== undefined) add('E', 'use either maintainer or maintainers, not both');
  if (maintainer !== undefined && typeof maintainer !== 'string')
    add('E', 'maintainer must be a string (use maintainers for a list)');
  if (maintainers !== undefined && !Array.isArray(maintainers)) add('E', 'maintainers must be a list');
  for (const who of typeof maintainer === 'string' ? [maintainer] : Array.isArray(maintainers) ? maintainers : []) {
    if (typeof who !== 'string' || !/^[^<>]+ <[^<>@\s]+@[^<>\s]+>$/.test(who))
      add('W', `maintainer '${String(who)}' is not in the form "Name <email>"`);
  }
  for (const key of Object.keys(metadata)) if (!KNOWN_KEYS.has(key)) add('I', `unknown key: ${key}`);
  if (metadata['subordinate'] !== undefined && typeof metadata['subordinate'] !== 'boolean')
    add('E', 'subordinate must be a boolean');
  for (const role of ['requires', 'provides', 'peers'] as const) {
    const section = metadata[role];
    if (section === undefined || section === null) continue;
    if (!isMap(section)) {
      add('E', `${role} must be a mapping of endpoint name to relation`);
      continue;
    }
    for (const [endpoint, spec] of Object.entries(section)) {
      const where = `${role}.${endpoint}`;
      if (!/^[a-z][a-z0-9-]*$/.test(endpoint))
        add('E', `${where}: endpoint names are lowercase letters, digits and dashes`);
      // Juju's own rules (shorthand `db: pgsql` included) are the charm-file reader's: what it
      // refuses, every hook and the agent would refuse too.
      try {
        parseEndpoint(role, endpoint, spec, file);
      } catch (error) {
        if (!(error instanceof CharmFileError)) throw error;
        add('E', `${error.key ?? where}: ${error.detail}`);
      }
      if (isMap(spec))
        for (const key of Object.keys(spec)) if (!RELATION_KEYS.has(key)) add('E', `${where}: unknown key ${key}`);
    }
  }
  return out;
}

import { CharmFileError } from './charm-file-error';
import { isYamlMap, parseYamlMapText, type YamlMap } from './yaml-map';

/** The role of an endpoint in metadata.yaml. */
export type EndpointRole = 'requires' | 'provides' | 'peers';

/** The endpoint roles, in the order Juju lists them. */
export const ENDPOINT_ROLES: readonly EndpointRole[] = ['requires', 'provides', 'peers'];

/** One endpoint (relation) of a charm, with Juju's defaults filled in. */
export interface CharmEndpoint {
  readonly name: string;
  readonly role: EndpointRole;
  readonly interface: string;
  /** `global` (default) or `container` (subordinates). */
  readonly scope: 'global' | 'container';
  /** Most relations the endpoint may join; undefined for no limit. */
  readonly limit?: number;
  readonly optional: boolean;
}

/** metadata.yaml as every floor reads it. */
export interface CharmMetadata {
  readonly name: string;
  readonly subordinate: boolean;
  /** Every endpoint, role by role (requires, provides, peers), in file order. */
  readonly endpoints: readonly CharmEndpoint[];
  /** Endpoint name → interface name, per role. */
  readonly roles: Readonly<Record<EndpointRole, Readonly<Record<string, string>>>>;
  readonly extraBindings: readonly string[];
  readonly resources: readonly string[];
}

/**
 * Parses metadata.yaml text with Juju's rules (juju/charm `meta.go`): `name` is a non-empty
 * string; an endpoint is either the interface name alone (the shorthand `db: pgsql`) or a map
 * with `interface` and optional `scope` (`global` | `container`), `limit` (an integer) and
 * `optional` (a boolean); an endpoint name is used once across all roles and never `juju` or
 * `juju-*` (reserved).
 *
 * @param file names the file in errors.
 * @throws CharmFileError naming the file and the key.
 * @example
 * ```ts
 * const meta = parseCharmMetadata('name: app\nrequires:\n  db: pgsql\n', 'metadata.yaml');
 * meta.roles.requires.db; // 'pgsql'
 * ```
 */
export function parseCharmMetadata(text: string, file = 'metadata.yaml'): CharmMetadata {
  return charmMetadataFrom(parseYamlMapText(text, file), file);
}

/** {@link parseCharmMetadata} on an already parsed document. Pure. */
export function charmMetadataFrom(doc: YamlMap, file = 'metadata.yaml'): CharmMetadata {
  const name = doc.name;
  if (typeof name !== 'string' || name === '') throw new CharmFileError(file, 'name', 'must be a non-empty string');
  const subordinate = doc.subordinate ?? false;
  if (typeof subordinate !== 'boolean') throw new CharmFileError(file, 'subordinate', 'must be a boolean');
  const endpoints: CharmEndpoint[] = [];
  const roles: Record<EndpointRole, Record<string, string>> = { requires: {}, provides: {}, peers: {} };
  for (const role of ENDPOINT_ROLES) {
    const section = doc[role];
    if (section === undefined || section === null) continue;
    if (!isYamlMap(section)) throw new CharmFileError(file, role, 'must be a map of endpoint name to relation');
    for (const [endpoint, spec] of Object.entries(section)) {
      const parsed = parseEndpoint(role, endpoint, spec, file);
      if (endpoints.some((e) => e.name === endpoint))
        throw new CharmFileError(file, `${role}.${endpoint}`, 'endpoint name is declared twice');
      endpoints.push(parsed);
      roles[role][endpoint] = parsed.interface;
    }
  }
  return {
    name,
    subordinate,
    endpoints,
    roles,
    extraBindings: isYamlMap(doc['extra-bindings']) ? Object.keys(doc['extra-bindings']) : [],
    resources: isYamlMap(doc.resources) ? Object.keys(doc.resources) : [],
  };
}

/**
 * One endpoint of metadata.yaml with Juju's rules and defaults (see {@link parseCharmMetadata}).
 *
 * @throws CharmFileError naming the file and `<role>.<endpoint>[.<key>]`.
 */
export function parseEndpoint(role: EndpointRole, name: string, spec: unknown, file: string): CharmEndpoint {
  const where = `${role}.${name}`;
  if (name === 'juju' || name.startsWith('juju-'))
    throw new CharmFileError(file, where, 'endpoint names juju and juju-* are reserved');
  // Juju's shorthand: `db: pgsql` is `db: {interface: pgsql}`.
  const map = typeof spec === 'string' ? { interface: spec } : spec;
  if (!isYamlMap(map)) throw new CharmFileError(file, where, 'must be an interface name or a map with `interface`');
  const iface = map.interface;
  if (typeof iface !== 'string' || iface === '')
    throw new CharmFileError(file, `${where}.interface`, 'must be a non-empty string');
  const scope = map.scope ?? 'global';
  if (scope !== 'global' && scope !== 'container')
    throw new CharmFileError(file, `${where}.scope`, `must be global or container, got ${JSON.stringify(scope)}`);
  const limit = map.limit ?? undefined;
  if (limit !== undefined && !(typeof limit === 'number' && Number.isInteger(limit)))
    throw new CharmFileError(file, `${where}.limit`, `must be an integer, got ${JSON.stringify(limit)}`);
  const optional = map.optional ?? false;
  if (typeof optional !== 'boolean')
    throw new CharmFileError(file, `${where}.optional`, `must be a boolean, got ${JSON.stringify(optional)}`);
  return { name, role, interface: iface, scope, ...(limit === undefined ? {} : { limit }), optional };
}

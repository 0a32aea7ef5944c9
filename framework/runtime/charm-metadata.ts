import type * as Yaml from 'yaml';
import type { EndpointRoles } from '../reactive';
import { CharmMetadataError } from './runtime-errors';

/** What the runtime needs from metadata.yaml. */
export interface CharmMetadata {
  readonly name: string;
  readonly roles: EndpointRoles;
}

/**
 * Parses metadata.yaml: the charm name and its endpoints by role (`requires`, `provides`,
 * `peers`: endpoint → interface). @throws CharmMetadataError naming the file and the problem.
 */
export function parseCharmMetadata(text: string, file = 'metadata.yaml'): CharmMetadata {
  // Loaded here, not at import: hooks read these files from the parse cache (charm-files.ts).
  const { parseDocument } = require('yaml') as typeof Yaml;
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new CharmMetadataError(file, doc.errors[0]?.message ?? 'invalid YAML');
  const root = doc.toJS() as unknown;
  if (typeof root !== 'object' || root === null || Array.isArray(root))
    throw new CharmMetadataError(file, 'top level must be a map');
  const meta = root as Record<string, unknown>;
  if (typeof meta.name !== 'string' || meta.name === '')
    throw new CharmMetadataError(file, '`name` must be a non-empty string');
  const roles: Record<'requires' | 'provides' | 'peers', Record<string, string>> = {
    requires: {},
    provides: {},
    peers: {},
  };
  for (const role of ['requires', 'provides', 'peers'] as const) {
    const section = meta[role];
    if (section === undefined || section === null) continue;
    if (typeof section !== 'object' || Array.isArray(section))
      throw new CharmMetadataError(file, `\`${role}\` must be a map`);
    for (const [name, spec] of Object.entries(section as Record<string, unknown>)) {
      const iface = typeof spec === 'object' && spec !== null ? (spec as Record<string, unknown>).interface : undefined;
      if (typeof iface !== 'string' || iface === '')
        throw new CharmMetadataError(file, `${role}.${name}.interface must be a non-empty string`);
      roles[role][name] = iface;
    }
  }
  return { name: meta.name, roles };
}

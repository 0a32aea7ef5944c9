import type { ActionsSchema, ConfigSchema } from '../charm';
import type { EndpointRoles } from '../reactive';

/** What the harness knows of a charm's declarations (merged metadata, config and actions). */
export interface CharmSpec {
  readonly charmName: string;
  readonly roles: EndpointRoles;
  readonly config: ConfigSchema;
  /** Action name → declared params (name → JSON schema) and required ones. */
  readonly actions: ActionsSchema;
}

/** Endpoint name → role, for every endpoint in metadata. */
export function endpointRoles(spec: CharmSpec): Map<string, 'requires' | 'provides' | 'peers'> {
  const out = new Map<string, 'requires' | 'provides' | 'peers'>();
  for (const role of ['requires', 'provides', 'peers'] as const)
    for (const name of Object.keys(spec.roles[role])) out.set(name, role);
  return out;
}

/**
 * The charm's endpoints by role, from metadata.yaml: endpoint name → interface name.
 * Resolves `{requires:redis}`-style hook patterns.
 */
export interface EndpointRoles {
  readonly requires: Readonly<Record<string, string>>;
  readonly provides: Readonly<Record<string, string>>;
  readonly peers: Readonly<Record<string, string>>;
}

/**
 * The endpoint name a flag refers to, as charms.reactive's `endpoint_from_flag`:
 * `endpoint.<name>.*` → `<name>`; otherwise the first dot-segment if it is an endpoint
 * (`redis.available` → `redis`); else undefined. Pure.
 */
export function endpointNameFromFlag(flag: string, endpointNames: ReadonlySet<string>): string | undefined {
  const parts = flag.split('.');
  if (parts[0] === 'endpoint' && parts.length >= 3) return endpointNames.has(parts[1] as string) ? parts[1] : undefined;
  if (parts.length >= 2 && endpointNames.has(parts[0] as string)) return parts[0];
  return undefined;
}

/**
 * Endpoint names to pass to a handler for its `when` flags, in order of first mention, each
 * once (charms.reactive passes one per flag, duplicates included; we pass each endpoint once).
 */
export function endpointArgsForFlags(flags: readonly string[], endpointNames: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const f of flags) {
    const name = endpointNameFromFlag(f, endpointNames);
    if (name !== undefined && !out.includes(name)) out.push(name);
  }
  return out;
}

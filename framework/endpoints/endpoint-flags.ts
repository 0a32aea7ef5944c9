import { createHash } from 'node:crypto';
import type { RelationSnapshot } from './endpoint-snapshot';

/** Digests of received bags: bag id (`db:3/kv/0`, `db:3/app:kv`) → key → hash. Kept in the unit kv. */
export type EndpointHashes = Record<string, Record<string, string>>;

/** Input of {@link endpointFlagPlan}. */
export interface EndpointFlagInput {
  readonly endpoint: string;
  readonly relations: readonly RelationSnapshot[];
  /** Hashes stored by the last successful hook: bag id (`db:3/kv/0`, `db:3/app:kv`) → key → hash. */
  readonly previousHashes: Readonly<EndpointHashes>;
  /** True in this endpoint's `-relation-departed` hook. */
  readonly departedNow: boolean;
  /** Flags currently set (to find stale automatic flags). */
  readonly currentFlags: readonly string[];
}

/** What the runtime applies at hook start. */
export interface EndpointFlagPlan {
  readonly set: readonly string[];
  readonly clear: readonly string[];
  /** Hashes to store (committed with the hook), same shape as `previousHashes`. */
  readonly hashes: EndpointHashes;
  /** Received keys whose value changed, sorted. */
  readonly changedKeys: readonly string[];
}

/** A short digest of a bag value: the store keeps digests, never values (secrets stay out). */
export function valueHash(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 16);
}

/** Hook-scoped automatic flags of an endpoint: cleared before commit at the end of every hook. */
export function isHookScopedEndpointFlag(flag: string): boolean {
  return /^endpoint\.[^.]+\.changed(\..+)?$/.test(flag);
}

/**
 * Computes the automatic endpoint flags for this hook. Pure.
 *
 * - `joined`: set while any relation has a remote unit in scope, cleared otherwise.
 * - `changed` / `changed.<key>`: a key of a joined unit's bag, or of a remote application bag,
 *   is new, differs from, or was removed since the last successful hook (the stored hashes).
 *   Hook-scoped: the runtime clears them at the end of the hook, and since hashes are committed
 *   only with a successful hook, a failed hook re-detects the same change on its retry.
 * - `departed`: set in this endpoint's `-relation-departed` hook, cleared at the start of the
 *   next hook.
 */
export function endpointFlagPlan(input: EndpointFlagInput): EndpointFlagPlan {
  const prefix = `endpoint.${input.endpoint}.`;
  const hashes: EndpointHashes = {};
  const changed = new Set<string>();
  const bags: Array<[string, Readonly<Record<string, string>>]> = [];
  for (const rel of input.relations) {
    for (const [unit, data] of Object.entries(rel.units)) bags.push([`${rel.relationId}/${unit}`, data]);
    if (rel.remoteApp !== null) bags.push([`${rel.relationId}/app:${rel.remoteApp}`, rel.appData]);
  }
  for (const [owner, data] of bags) {
    const before = input.previousHashes[owner] ?? {};
    const now: Record<string, string> = {};
    for (const [key, value] of Object.entries(data)) {
      now[key] = valueHash(value);
      if (before[key] !== now[key]) changed.add(key);
    }
    // A key that disappeared from a bag that is still there is a change too.
    for (const key of Object.keys(before)) if (!(key in now)) changed.add(key);
    if (Object.keys(now).length > 0) hashes[owner] = now;
  }
  const joined = input.relations.some((r) => Object.keys(r.units).length > 0);
  const set: string[] = [];
  if (joined) set.push(`${prefix}joined`);
  if (changed.size > 0) set.push(`${prefix}changed`, ...[...changed].sort().map((k) => `${prefix}changed.${k}`));
  if (input.departedNow) set.push(`${prefix}departed`);
  const wanted = new Set(set);
  const clear = input.currentFlags.filter(
    (f) =>
      f.startsWith(prefix) &&
      !wanted.has(f) &&
      (f === `${prefix}joined` || f === `${prefix}departed` || isHookScopedEndpointFlag(f)),
  );
  return { set: set.sort(), clear: [...clear].sort(), hashes, changedKeys: [...changed].sort() };
}

/**
 * The charm's block of `pg_hba.conf` rules: one `host` line per consumer database, login role and
 * granted subnet (the egress subnets the consumer's units published), as the PostgreSQL charm
 * keeps them. Pure: the charm reads the file, replaces the block, writes it back and reloads.
 */
import { isPgName } from './pg-names';

/** One consumer's access: its database, its login role, and the subnets it connects from. */
export interface HbaGrant {
  readonly database: string;
  readonly user: string;
  readonly subnets: readonly string[];
}

const BEGIN = '# BEGIN rxcharm postgresql charm: consumer grants (rewritten on every change)';
const END = '# END rxcharm postgresql charm';
const CIDR = /^(?:\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2}|[0-9A-Fa-f:]+\/\d{1,3})$/;

/** True for a subnet the block may carry (`10.0.0.5/32`, `fd00::/64`). */
export function isCidr(value: string): boolean {
  return CIDR.test(value);
}

/** The block's lines (sorted, without duplicates); subnets or names of an unusable shape are left out. */
export function hbaLines(grants: readonly HbaGrant[]): string[] {
  const lines = new Set<string>();
  for (const grant of grants) {
    if (!isPgName(grant.database) || !isPgName(grant.user)) continue;
    for (const subnet of grant.subnets) {
      if (isCidr(subnet)) lines.add(`host "${grant.database}" "${grant.user}" ${subnet} scram-sha-256`);
    }
  }
  return [...lines].sort();
}

/**
 * `current` with the charm's block replaced by `lines`, placed first: pg_hba takes the first rule
 * that matches, so a granted subnet is checked against its own database and role before any
 * broader rule of the image.
 */
export function withGrantBlock(current: string, lines: readonly string[]): string {
  const kept: string[] = [];
  let inside = false;
  for (const line of current.split('\n')) {
    if (line === BEGIN) inside = true;
    else if (line === END) inside = false;
    else if (!inside) kept.push(line);
  }
  while (kept.length > 0 && kept[0] === '') kept.shift();
  const block = lines.length === 0 ? [] : [BEGIN, ...lines, END, ''];
  return [...block, ...kept].join('\n');
}

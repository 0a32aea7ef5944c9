import type { IpamSpec } from '../../charm/docker-types';
import { isMapping, scalarString, type ParseContext, type Path } from './parse-context';
import type { NetworkConfig, VolumeConfig } from './types';

/** Keys of a top-level network or volume entry that rxcharm reads. */
export const RESOURCE_KEYS: Readonly<Record<'networks' | 'volumes', readonly string[]>> = {
  networks: ['name', 'external', 'driver', 'labels', 'driver_opts', 'ipam', 'internal', 'attachable', 'enable_ipv6'],
  volumes: ['name', 'external', 'driver', 'labels', 'driver_opts'],
};

function stringMap(ctx: ParseContext, path: Path, value: unknown): Record<string, string> {
  if (!isMapping(value)) ctx.fail(path, 'expected a mapping');
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scalarString(ctx, [...path, k], v);
  return out;
}

function bool(ctx: ParseContext, path: Path, value: unknown): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') ctx.fail(path, 'expected true or false');
  return value;
}

function ipam(ctx: ParseContext, path: Path, value: unknown): IpamSpec {
  if (!isMapping(value)) ctx.fail(path, 'expected a mapping with "driver", "config", "options"');
  for (const k of Object.keys(value))
    if (!['driver', 'config', 'options'].includes(k)) ctx.fail([...path, k], `unknown ipam key "${k}"`);
  const config = value.config === undefined ? [] : value.config;
  if (!Array.isArray(config)) ctx.fail([...path, 'config'], 'expected a list of pools');
  return {
    driver: value.driver === undefined ? undefined : scalarString(ctx, [...path, 'driver'], value.driver),
    config: config.map((pool, i) => {
      const at = [...path, 'config', i];
      if (!isMapping(pool)) ctx.fail(at, 'expected a mapping with "subnet"');
      const field = (k: string): string | undefined =>
        pool[k] === undefined ? undefined : scalarString(ctx, [...at, k], pool[k]);
      for (const k of Object.keys(pool))
        if (!['subnet', 'ip_range', 'gateway', 'aux_addresses'].includes(k))
          ctx.fail([...at, k], `unknown ipam pool key "${k}" (use subnet, ip_range, gateway, aux_addresses)`);
      const pool2: Record<string, unknown> = {
        subnet: field('subnet'),
        ipRange: field('ip_range'),
        gateway: field('gateway'),
        auxAddresses:
          pool.aux_addresses === undefined ? undefined : stringMap(ctx, [...at, 'aux_addresses'], pool.aux_addresses),
      };
      for (const k of Object.keys(pool2)) if (pool2[k] === undefined) delete pool2[k];
      return pool2;
    }),
    options: value.options === undefined ? undefined : stringMap(ctx, [...path, 'options'], value.options),
  };
}

/**
 * The creation options of a top-level network (`driver_opts`, `ipam`, `internal`, `attachable`,
 * `enable_ipv6`) or volume (`driver_opts`); only the keys present appear in the result.
 */
export function resourceOptions(
  ctx: ParseContext,
  kind: 'networks' | 'volumes',
  key: string,
  c: Readonly<Record<string, unknown>>,
): Partial<NetworkConfig> & Partial<VolumeConfig> {
  const at = (k: string): Path => [kind, key, k];
  const out: Record<string, unknown> = {
    driverOpts: c.driver_opts === undefined ? undefined : stringMap(ctx, at('driver_opts'), c.driver_opts),
  };
  if (kind === 'networks') {
    out.ipam = c.ipam === undefined ? undefined : ipam(ctx, at('ipam'), c.ipam);
    out.internal = bool(ctx, at('internal'), c.internal);
    out.attachable = bool(ctx, at('attachable'), c.attachable);
    out.enableIpv6 = bool(ctx, at('enable_ipv6'), c.enable_ipv6);
  }
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

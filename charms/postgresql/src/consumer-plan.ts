/**
 * What each consumer relation gets: a database and a login role, from the consumer's request, the
 * config, or the consumer application's name (the postgresql charm's rule). Pure.
 */
import { parseExtension, type ConsumerRequest, type PgsqlConsumer } from 'interface:pgsql';
import type { HbaGrant } from './pg-hba';
import { isPgName, nameForApplication } from './pg-names';
import type { Settings } from './settings';

/**
 * A consumer relation's grant, before credentials and address are added: its pg_hba access (the
 * database, the login role and the consumer units' egress subnets, also published as
 * `allowed-subnets`), which consumer (its relation and joined units, sorted), and what it asked
 * for as the request has it (roles, extensions, the mirror published back unchanged).
 */
export interface ConsumerPlan
  extends
    HbaGrant,
    Pick<PgsqlConsumer, 'relationId' | 'units'>,
    Pick<ConsumerRequest, 'roles' | 'extensions' | 'mirror'> {}

/** A request the charm refuses, with the reason (logged; nothing is published for it). */
export interface RefusedRequest {
  readonly relationId: string;
  readonly reason: string;
}

/** Plans one consumer, or refuses it when a requested name is unusable. */
export function planConsumer(
  consumer: Pick<PgsqlConsumer, 'relationId' | 'application' | 'units' | 'request'>,
  settings: Pick<Settings, 'database' | 'user'>,
): ConsumerPlan | RefusedRequest {
  const fallback = nameForApplication(consumer.application ?? consumer.units[0]?.split('/')[0] ?? 'app');
  const database = consumer.request.database ?? (settings.database !== '' ? settings.database : fallback);
  const user = settings.user !== '' ? settings.user : fallback;
  const extensionParts = consumer.request.extensions.flatMap((e) => {
    const { name, schema } = parseExtension(e);
    return schema === undefined ? [name] : [name, schema];
  });
  for (const [what, names] of [
    ['database', [database]],
    ['role', consumer.request.roles],
    ['extension', extensionParts],
  ] as const) {
    const bad = names.find((n) => !isPgName(n) || n === 'postgres');
    if (bad !== undefined)
      return {
        relationId: consumer.relationId,
        reason: `requested ${what} ${JSON.stringify(bad)} is not an allowed name`,
      };
  }
  if (user === 'postgres') return { relationId: consumer.relationId, reason: 'the consumer would get the superuser' };
  return {
    relationId: consumer.relationId,
    database,
    user,
    units: [...consumer.units].sort(),
    roles: consumer.request.roles,
    extensions: consumer.request.extensions,
    subnets: consumer.request.egressSubnets,
    mirror: consumer.request.mirror,
  };
}

/** True when `value` is a refusal. */
export function isRefused(value: ConsumerPlan | RefusedRequest): value is RefusedRequest {
  return 'reason' in value;
}

/** A stable key for "this role and database were prepared" (kv cache of the SQL work done). */
export function preparedKey(plan: ConsumerPlan): string {
  return JSON.stringify([plan.user, plan.database, plan.roles, plan.extensions]);
}

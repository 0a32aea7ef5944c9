import type { HookContext, HookTools, RelationData } from '../hookenv';
import { UnitNotFoundError, HookToolPermissionError } from '../hookenv';
import type { EndpointRoles } from '../reactive';
import {
  relationNumber,
  sortUnits,
  type EndpointRole,
  type EndpointSnapshot,
  type RelationSnapshot,
} from './endpoint-snapshot';

const ROLES: readonly EndpointRole[] = ['requires', 'provides', 'peers'];

async function bagOrEmpty(read: Promise<RelationData>): Promise<RelationData> {
  try {
    return await read;
  } catch (e) {
    // A bag we may not read (non-leader, own app) or a unit that just left reads as empty.
    if (e instanceof UnitNotFoundError || e instanceof HookToolPermissionError) return {};
    throw e;
  }
}

/**
 * Reads every endpoint's relations from Juju at hook start (the I/O shell around the pure
 * endpoint code): `relation-ids`, `relation-list`, `relation-get` of each remote unit, the
 * remote app bag, this unit's bag and (leader) this app's bag. Endpoints sorted by name.
 *
 * @param isLeader leadership, or a function asked once, at the first relation (a unit without
 *   relations then makes no `is-leader` call).
 */
export async function readEndpointSnapshots(
  tools: HookTools,
  roles: EndpointRoles,
  context: HookContext,
  isLeader: boolean | (() => Promise<boolean>),
): Promise<EndpointSnapshot[]> {
  let leader: Promise<boolean> | undefined = typeof isLeader === 'boolean' ? Promise.resolve(isLeader) : undefined;
  const leads = (): Promise<boolean> => (leader ??= (isLeader as () => Promise<boolean>)());
  const out: EndpointSnapshot[] = [];
  const entries = ROLES.flatMap((role) => Object.entries(roles[role]).map(([name, iface]) => ({ name, role, iface })));
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { name, role, iface } of entries) {
    const ids = [...(await tools.relationIds(name))].sort((a, b) => relationNumber(a) - relationNumber(b));
    const relations: RelationSnapshot[] = [];
    for (const relationId of ids) {
      const units = sortUnits(await tools.relationList(relationId));
      const remoteApp =
        (await tools.relationRemoteApp(relationId)) ??
        (units[0] === undefined ? null : units[0].slice(0, units[0].lastIndexOf('/')));
      const data: Record<string, RelationData> = {};
      for (const unit of units) data[unit] = await bagOrEmpty(tools.relationGet(relationId, unit));
      relations.push({
        relationId,
        remoteApp,
        units: data,
        appData: remoteApp === null ? {} : await bagOrEmpty(tools.relationGet(relationId, remoteApp, { app: true })),
        localUnit: await bagOrEmpty(tools.relationGet(relationId, context.unitName)),
        localApp: (await leads())
          ? await bagOrEmpty(tools.relationGet(relationId, context.appName, { app: true }))
          : {},
      });
    }
    const departing = context.remoteUnit ?? context.departingUnit;
    const departedNow =
      context.hookName === `${name}-relation-departed` && context.relationId !== undefined && departing !== undefined;
    const departed = departedNow
      ? [
          {
            relationId: context.relationId as string,
            unitName: departing as string,
            data: await bagOrEmpty(tools.relationGet(context.relationId as string, departing as string)),
          },
        ]
      : [];
    out.push({ name, role, interfaceName: iface, relations, departed });
  }
  return out;
}

/**
 * Sends every staged outgoing bag with `relation-set` (unit bags, then app bags), only the
 * keys that changed. Called by the runtime after all handlers succeeded.
 */
export async function publishEndpoints(
  tools: HookTools,
  endpoints: Iterable<{
    readonly relations: readonly {
      relationId: string;
      toPublish: { diff(): Record<string, string> };
      toPublishApp: { diff(): Record<string, string> };
    }[];
  }>,
): Promise<number> {
  let sent = 0;
  for (const endpoint of endpoints) {
    for (const rel of endpoint.relations) {
      const unit = rel.toPublish.diff();
      if (Object.keys(unit).length > 0) {
        await tools.relationSet(rel.relationId, unit);
        sent++;
      }
      const app = rel.toPublishApp.diff();
      if (Object.keys(app).length > 0) {
        await tools.relationSet(rel.relationId, app, { app: true });
        sent++;
      }
    }
  }
  return sent;
}

import type { ModelState } from '../model/model-state';

/** One unit in a status snapshot. */
export interface UnitStatusView {
  readonly workload: string;
  readonly message: string;
  readonly agent: 'idle' | 'executing' | 'error';
  readonly leader: boolean;
  readonly ports: string[];
  /** The unit's address (its own on the model's unit network, else the shared one). */
  readonly address: string;
  readonly pendingHooks: number;
  readonly since: string;
}

/** One application in a status snapshot. */
export interface ApplicationStatusView {
  readonly charm: string;
  readonly version: string;
  readonly status: string;
  readonly message: string;
  readonly scale: number;
  readonly units: Record<string, UnitStatusView>;
}

/** One relation in a status snapshot. */
export interface RelationStatusView {
  readonly id: number;
  readonly provider: string;
  readonly requirer: string;
  readonly interface: string;
  readonly type: 'regular' | 'peer';
  readonly dying: boolean;
}

/** What `rxcharm status --format json` prints. */
export interface ModelStatusView {
  readonly model: {
    readonly name: string;
    readonly uuid: string;
    /** The model's unit network, when it has one: the Docker network, its bridge and subnet. */
    readonly network?: { readonly name: string; readonly bridge: string; readonly subnet: string };
    /** Why units share one address instead of having their own, while that is so. */
    readonly warning?: string;
  };
  readonly applications: Record<string, ApplicationStatusView>;
  readonly relations: RelationStatusView[];
}

/** A plain snapshot of the model for display (pure). */
export function modelStatus(model: ModelState, sharedAddress: () => string = () => '127.0.0.1'): ModelStatusView {
  const applications: Record<string, ApplicationStatusView> = {};
  for (const name of Object.keys(model.data.applications).sort()) {
    const app = model.data.applications[name]!;
    const units: Record<string, UnitStatusView> = {};
    for (const unit of model.unitsOf(name, true)) {
      const shown = model.displayStatus(unit);
      units[unit.name] = {
        workload: shown.status,
        message: shown.message,
        agent: unit.error !== null ? 'error' : unit.queue.length > 0 ? 'executing' : 'idle',
        leader: app.leader === unit.name,
        ports: [...unit.ports],
        address: unit.address ?? sharedAddress(),
        pendingHooks: unit.queue.length,
        since: shown.since,
      };
    }
    const status = model.displayAppStatus(app);
    applications[name] = {
      charm: app.charm.name,
      version: app.workloadVersion,
      status: status.status,
      message: status.message,
      scale: Object.keys(units).length,
      units,
    };
  }
  const relations = model.data.relations.map((r): RelationStatusView => {
    const [a, b] = r.endpoints;
    const show = (e: { app: string; endpoint: string }): string => `${e.app}:${e.endpoint}`;
    if (b === undefined)
      return { id: r.id, provider: show(a), requirer: show(a), interface: a.interface, type: 'peer', dying: r.dying };
    const [provider, requirer] = a.role === 'provides' ? [a, b] : [b, a];
    return {
      id: r.id,
      provider: show(provider),
      requirer: show(requirer),
      interface: a.interface,
      type: 'regular',
      dying: r.dying,
    };
  });
  const network = model.data.unitNetwork;
  const warning = model.data.unitNetworkWarning;
  return {
    model: {
      name: model.data.name,
      uuid: model.data.uuid,
      ...(network === undefined
        ? {}
        : { network: { name: network.name, bridge: network.bridge, subnet: network.subnet } }),
      ...(warning === undefined ? {} : { warning }),
    },
    applications,
    relations,
  };
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]! + 2)))
        .join('')
        .trimEnd(),
    )
    .join('\n');
}

/** Renders a snapshot as `juju status` does: applications, units, relations (pure). */
export function formatStatusTable(view: ModelStatusView): string {
  const out: string[] = [
    table([
      ['Model', 'Agent', 'Unit network'],
      [view.model.name, 'rxcharm local', view.model.network?.subnet ?? 'shared address'],
    ]),
  ];
  if (view.model.warning !== undefined) out[0] += `\nWarning: ${view.model.warning}`;
  const apps = Object.entries(view.applications);
  if (apps.length === 0) return `${out[0]}\n\nModel "${view.model.name}" is empty.\n`;
  out.push(
    table([
      ['App', 'Version', 'Status', 'Scale', 'Charm', 'Message'],
      ...apps.map(([name, a]) => [name, a.version, a.status, String(a.scale), a.charm, a.message]),
    ]),
  );
  const units = apps.flatMap(([, a]) => Object.entries(a.units));
  if (units.length > 0) {
    out.push(
      table([
        ['Unit', 'Workload', 'Agent', 'Address', 'Ports', 'Message'],
        ...units.map(([name, u]) => [
          `${name}${u.leader ? '*' : ''}`,
          u.workload,
          u.agent,
          u.address,
          u.ports.join(','),
          u.message,
        ]),
      ]),
    );
  }
  const relations = view.relations.filter((r) => !r.dying);
  if (relations.length > 0) {
    out.push(
      table([
        ['Relation provider', 'Requirer', 'Interface', 'Type'],
        ...relations.map((r) => [r.provider, r.requirer, r.interface, r.type]),
      ]),
    );
  }
  return `${out.join('\n\n')}\n`;
}

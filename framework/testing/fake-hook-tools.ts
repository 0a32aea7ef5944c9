import {
  classifyHookToolFailure,
  formatPortSpec,
  type GoalState,
  type HookTools,
  type JujuLogLevel,
  type NetworkInfo,
  type PortSpec,
  type RelationData,
  type StatusInfo,
  type StatusName,
} from '../hookenv';
import type { HarnessEvent } from './events';
import type { PublishedRecord, StatusRecord } from './run-records';
import { relationId, type ConfigValue, type RelationState } from './state';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Bag = Record<string, string>;

/** The parts of a unit the hook tools read and write during one run (mutable working copy). */
export interface ToolWorld {
  readonly unitName: string;
  readonly leader: boolean;
  /** The unit is being removed (`goal-state` shows it `dying`). */
  readonly dying: boolean;
  readonly address: string;
  /** Effective config: defaults from config.yaml overlaid with the state's values. */
  readonly config: Readonly<Record<string, ConfigValue>>;
  relations: Array<Mutable<RelationState> & { localUnitData: Bag; localAppData: Bag }>;
  openedPorts: string[];
  status: { status: string; message: string };
  leaderData: Bag;
}

/** What the fake tools recorded during a run. */
export interface ToolRecords {
  readonly statusHistory: StatusRecord[];
  readonly published: PublishedRecord[];
  readonly jujuLog: Array<{ level: JujuLogLevel; message: string }>;
  actionResults: Record<string, unknown>;
  actionFailure: string | undefined;
  applicationVersion: string | undefined;
}

/**
 * {@link HookTools} answered from a {@link ToolWorld} instead of processes: what `Context.run`
 * hands the runtime. Follows Juju's rules: `relation-list` drops the departing unit in
 * `-departed` and is empty in `-broken`, `relation-ids` omits a broken relation, the application
 * bag needs leadership, unknown relations and units fail as Juju's tools do.
 */
export class FakeHookTools implements HookTools {
  readonly records: ToolRecords = {
    statusHistory: [],
    published: [],
    jujuLog: [],
    actionResults: {},
    actionFailure: undefined,
    applicationVersion: undefined,
  };
  readonly #w: ToolWorld;
  readonly #event: HarnessEvent;
  readonly #eventRelation: string | undefined;

  constructor(world: ToolWorld, event: HarnessEvent, eventRelationId?: string) {
    this.#w = world;
    this.#event = event;
    this.#eventRelation = eventRelationId;
  }

  #fail(tool: string, args: readonly string[], stderr: string): never {
    throw classifyHookToolFailure({ tool, args: [...args], exitCode: 1, stderr: `ERROR ${stderr}\n` });
  }

  #relation(tool: string, rid: string): ToolWorld['relations'][number] {
    const r = this.#w.relations.find((x) => relationId(x) === rid);
    if (r === undefined || this.#isBroken(rid)) return this.#fail(tool, ['-r', rid], `relation not found`);
    return r;
  }

  #isBroken(rid: string): boolean {
    return this.#event.relation?.kind === 'broken' && this.#eventRelation === rid;
  }

  async configGet(): Promise<Readonly<Record<string, unknown>>> {
    return { ...this.#w.config };
  }

  async relationIds(endpoint: string): Promise<readonly string[]> {
    return this.#w.relations
      .filter((r) => r.endpoint === endpoint && !this.#isBroken(relationId(r)))
      .sort((a, b) => a.id - b.id)
      .map((r) => relationId(r));
  }

  async relationList(rid: string): Promise<readonly string[]> {
    if (this.#isBroken(rid)) return [];
    const r = this.#relation('relation-list', rid);
    const departing = this.#eventRelation === rid ? this.#event.departingUnit : undefined;
    return Object.keys(r.remoteUnits)
      .filter((u) => u !== departing)
      .sort((a, b) => Number(a.slice(a.lastIndexOf('/') + 1)) - Number(b.slice(b.lastIndexOf('/') + 1)));
  }

  async relationRemoteApp(rid: string): Promise<string | null> {
    if (this.#isBroken(rid)) return this.#w.relations.find((x) => relationId(x) === rid)?.remoteApp ?? null;
    return this.#relation('relation-list', rid).remoteApp;
  }

  async relationGet(rid: string, target: string, options: { app?: boolean } = {}): Promise<RelationData> {
    const r = this.#relation('relation-get', rid);
    const app = this.#w.unitName.slice(0, this.#w.unitName.lastIndexOf('/'));
    if (options.app === true) {
      if (target === r.remoteApp) return { ...r.remoteAppData };
      if (target === app) {
        if (!this.#w.leader) return this.#fail('relation-get', ['-r', rid, '--app', '-', target], 'permission denied');
        return { ...r.localAppData };
      }
      return this.#fail('relation-get', ['-r', rid, '--app', '-', target], `application "${target}" not found`);
    }
    if (target === this.#w.unitName) return { ...r.localUnitData };
    const data = r.remoteUnits[target];
    if (data === undefined) return this.#fail('relation-get', ['-r', rid, '-', target], `unit "${target}" not found`);
    return { ...data };
  }

  async relationSet(rid: string, data: RelationData, options: { app?: boolean } = {}): Promise<void> {
    const r = this.#relation('relation-set', rid);
    if (options.app === true && !this.#w.leader)
      this.#fail(
        'relation-set',
        ['-r', rid, '--app'],
        'cannot write relation settings: permission denied (not the leader)',
      );
    const bag = options.app === true ? r.localAppData : r.localUnitData;
    for (const [k, v] of Object.entries(data)) {
      if (v === '') delete bag[k];
      else bag[k] = v;
    }
    this.records.published.push({
      relationId: rid,
      endpoint: r.endpoint,
      app: options.app === true,
      data: { ...data },
    });
  }

  async statusSet(status: StatusName, message: string, options: { application?: boolean } = {}): Promise<void> {
    if (options.application === true) {
      if (!this.#w.leader) this.#fail('status-set', ['--application', status], 'this unit is not the leader');
      this.records.statusHistory.push({ status, message, application: true });
      return;
    }
    this.#w.status = { status, message };
    this.records.statusHistory.push({ status, message });
  }

  async statusGet(): Promise<StatusInfo> {
    return { ...this.#w.status, data: {} };
  }

  async openPort(spec: PortSpec): Promise<void> {
    const text = formatPortSpec(spec);
    if (!this.#w.openedPorts.includes(text)) this.#w.openedPorts.push(text);
  }

  async closePort(spec: PortSpec): Promise<void> {
    const text = formatPortSpec(spec);
    this.#w.openedPorts = this.#w.openedPorts.filter((p) => p !== text);
  }

  async openedPorts(): Promise<readonly string[]> {
    return [...this.#w.openedPorts];
  }

  async unitGet(): Promise<string> {
    return this.#w.address;
  }

  async networkGet(): Promise<NetworkInfo> {
    const a = this.#w.address;
    return {
      'bind-addresses': [{ 'interface-name': 'eth0', addresses: [{ value: a, cidr: `${a}/24` }] }],
      'egress-subnets': [`${a}/32`],
      'ingress-addresses': [a],
    };
  }

  async isLeader(): Promise<boolean> {
    return this.#w.leader;
  }

  async leaderGet(): Promise<RelationData> {
    return { ...this.#w.leaderData };
  }

  async leaderSet(data: RelationData): Promise<void> {
    if (!this.#w.leader)
      this.#fail('leader-set', Object.keys(data), 'cannot write leadership settings: not the leader');
    for (const [k, v] of Object.entries(data)) {
      if (v === '') delete this.#w.leaderData[k];
      else this.#w.leaderData[k] = v;
    }
  }

  async applicationVersionSet(version: string): Promise<void> {
    this.records.applicationVersion = version;
  }

  async jujuLog(level: JujuLogLevel, message: string): Promise<void> {
    this.records.jujuLog.push({ level, message });
  }

  #needAction(tool: string): void {
    if (this.#event.kind !== 'action') this.#fail(tool, [], `${tool} is only available in actions`);
  }

  async actionGet(): Promise<Readonly<Record<string, unknown>>> {
    this.#needAction('action-get');
    return structuredClone({ ...(this.#event.params ?? {}) });
  }

  async actionSet(results: Readonly<Record<string, unknown>>): Promise<void> {
    this.#needAction('action-set');
    Object.assign(this.records.actionResults, structuredClone(results));
  }

  async actionFail(message: string): Promise<void> {
    this.#needAction('action-fail');
    this.records.actionFailure = message;
  }

  async goalState(): Promise<GoalState> {
    const relations: Record<string, Record<string, { status: string }>> = {};
    for (const r of this.#w.relations) {
      const entries = (relations[r.endpoint] ??= {});
      entries[r.remoteApp] = { status: 'joined' };
      for (const unit of Object.keys(r.remoteUnits)) entries[unit] = { status: 'active' };
    }
    const status = this.#w.dying ? 'dying' : this.#w.status.status;
    return { units: { [this.#w.unitName]: { status } }, relations };
  }

  async resourceGet(name: string): Promise<string> {
    return this.#fail(
      'resource-get',
      [name],
      `could not download resource: resource "${name}" not found (the harness has no resources)`,
    );
  }
}

/** The statuses a charm may set (`status-set` rejects anything else). */
export type StatusName = 'maintenance' | 'blocked' | 'waiting' | 'active';

/** What `status-get` reports; Juju adds `error`, `unknown`... to the settable ones. */
export interface StatusInfo {
  readonly status: string;
  readonly message: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export type PortProtocol = 'tcp' | 'udp';

/** A port or range as `open-port` takes it; `'icmp'` opens ICMP. */
export type PortSpec = { readonly port: number; readonly toPort?: number; readonly protocol?: PortProtocol } | 'icmp';

/** Levels `juju-log --log-level` accepts. */
export type JujuLogLevel = 'TRACE' | 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR' | 'CRITICAL';

/** A relation data bag as Juju stores it: string values only. */
export type RelationData = Readonly<Record<string, string>>;

/** `network-get <binding>` output (the subset charms use). */
export interface NetworkInfo {
  readonly 'bind-addresses': ReadonlyArray<{
    readonly 'mac-address'?: string;
    readonly 'interface-name'?: string;
    readonly addresses: ReadonlyArray<{ readonly hostname?: string; readonly value: string; readonly cidr?: string }>;
  }>;
  readonly 'egress-subnets': readonly string[];
  readonly 'ingress-addresses': readonly string[];
}

/** One entry of `goal-state`: a status word (`active`, `dying`, `joined`...) and since when. */
export interface GoalStateStatus {
  readonly status: string;
  readonly since?: string;
}

/**
 * `goal-state` output: the units of this unit's application and, per endpoint, the related
 * application and its units (Juju 2.4 and later). A unit being removed shows `dying`.
 */
export interface GoalState {
  readonly units: Readonly<Record<string, GoalStateStatus>>;
  readonly relations: Readonly<Record<string, Readonly<Record<string, GoalStateStatus>>>>;
}

/**
 * One typed method per Juju hook tool. Implementations: `ProcessHookTools` (spawns the real
 * executables) and the testing package's fake.
 *
 * Failures reject with `HookToolError` (or `RelationNotFoundError` / `UnitNotFoundError` /
 * `HookToolPermissionError`). Relation ids are `<endpoint>:<n>`.
 */
export interface HookTools {
  /** `config-get --all --format=json`: every option, unset ones as `null`. */
  configGet(): Promise<Readonly<Record<string, unknown>>>;
  /** `relation-ids --format=json <endpoint>`, sorted as Juju prints them. */
  relationIds(endpoint: string): Promise<readonly string[]>;
  /** `relation-list --format=json -r <id>`: remote units in scope. */
  relationList(relationId: string): Promise<readonly string[]>;
  /** `relation-list --format=json -r <id> --app`: the remote application, or `null`. */
  relationRemoteApp(relationId: string): Promise<string | null>;
  /** `relation-get --format=json -r <id> - <unit>` (or `--app - <app>` with `{ app: true }`). */
  relationGet(relationId: string, target: string, options?: { app?: boolean }): Promise<RelationData>;
  /** `relation-set -r <id> [--app] --file -` with the data as JSON on stdin; `''` deletes a key. */
  relationSet(relationId: string, data: RelationData, options?: { app?: boolean }): Promise<void>;
  /** `status-set [--application] <status> -- <message>`; applied immediately by Juju. */
  statusSet(status: StatusName, message: string, options?: { application?: boolean }): Promise<void>;
  /** `status-get --format=json --include-data [--application]`. */
  statusGet(options?: { application?: boolean }): Promise<StatusInfo>;
  /** `open-port <port>[-<to>]/<proto>`; committed by Juju only if the hook succeeds. */
  openPort(spec: PortSpec): Promise<void>;
  /** `close-port ...`; committed by Juju only if the hook succeeds. */
  closePort(spec: PortSpec): Promise<void>;
  /** `opened-ports --format=json`: committed ranges such as `80/tcp`. */
  openedPorts(): Promise<readonly string[]>;
  /** `unit-get --format=json private-address|public-address`. */
  unitGet(key: 'private-address' | 'public-address'): Promise<string>;
  /** `network-get --format=json <binding> [-r <id>]`. */
  networkGet(binding: string, options?: { relationId?: string }): Promise<NetworkInfo>;
  /** `is-leader --format=json`. */
  isLeader(): Promise<boolean>;
  /** `leader-get --format=json -`. */
  leaderGet(): Promise<RelationData>;
  /** `leader-set k=v ...` (leader only; immediate). */
  leaderSet(data: RelationData): Promise<void>;
  /** `application-version-set -- <version>`. */
  applicationVersionSet(version: string): Promise<void>;
  /** `juju-log --log-level <level> -- <message>`. */
  jujuLog(level: JujuLogLevel, message: string): Promise<void>;
  /** `action-get --format=json`: the action's parameters. */
  actionGet(): Promise<Readonly<Record<string, unknown>>>;
  /** `action-set k=v ...`; nested objects become dotted keys. */
  actionSet(results: Readonly<Record<string, unknown>>): Promise<void>;
  /** `action-fail -- <message>`. */
  actionFail(message: string): Promise<void>;
  /** `resource-get <name>`: local path of the resource file. */
  resourceGet(name: string): Promise<string>;
  /** `goal-state --format=json`: where the model is heading for this unit (dying, related units). */
  goalState(): Promise<GoalState>;
}

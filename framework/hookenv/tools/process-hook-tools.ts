import { Redactor } from '../redactor';
import { HookToolError } from './hook-tool-error';
import { classifyHookToolFailure } from './not-found-errors';
import type {
  GoalState,
  HookTools,
  JujuLogLevel,
  NetworkInfo,
  PortSpec,
  RelationData,
  StatusInfo,
  StatusName,
} from '../../charm';
import { formatPortSpec } from './port-spec';
import type { ToolRunner } from './tool-runner';

/** Options of {@link ProcessHookTools}. */
export interface ProcessHookToolsOptions {
  /** How tools are run: `spawnToolRunner({ env })` in production, a function in tests. */
  readonly runner: ToolRunner;
  /** Redacts tool arguments and stderr in errors; share the hook's instance. */
  readonly redactor?: Redactor;
  /** Cache read answers that cannot change within a hook (default true). */
  readonly cache?: boolean;
}

const STATUSES: ReadonlySet<string> = new Set(['maintenance', 'blocked', 'waiting', 'active']);

/** Read tools whose answers are fixed for the duration of a hook (until this hook writes). */
const CACHEABLE: ReadonlySet<string> = new Set([
  'config-get',
  'relation-ids',
  'relation-list',
  'relation-get',
  'is-leader',
  'leader-get',
  'unit-get',
  'network-get',
  'action-get',
  'opened-ports',
  'status-get',
]);

function flatten(prefix: string, value: unknown, out: string[]): void {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(prefix === '' ? k : `${prefix}.${k}`, v, out);
    return;
  }
  out.push(`${prefix}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
}

/**
 * {@link HookTools} over the real hook-tool executables (Juju's, rxcharm's local agent shims, or
 * the fake tools), spawned with argument arrays and `--format=json`.
 *
 * Every call goes through one private method, the single place where a non-zero exit becomes a
 * typed error (`classifyHookToolFailure`). Read answers are cached per instance (one instance
 * per hook); any write drops the whole cache, since e.g. `relation-get` of the own unit shows
 * this hook's pending `relation-set`.
 */
export class ProcessHookTools implements HookTools {
  readonly #runner: ToolRunner;
  readonly #redactor: Redactor;
  readonly #useCache: boolean;
  readonly #cache = new Map<string, Promise<string>>();

  constructor(options: ProcessHookToolsOptions) {
    this.#runner = options.runner;
    this.#redactor = options.redactor ?? new Redactor();
    this.#useCache = options.cache ?? true;
  }

  async configGet(): Promise<Readonly<Record<string, unknown>>> {
    return this.#object('config-get', ['--all', '--format=json']);
  }

  async relationIds(endpoint: string): Promise<readonly string[]> {
    return this.#strings('relation-ids', ['--format=json', endpoint]);
  }

  async relationList(relationId: string): Promise<readonly string[]> {
    return this.#strings('relation-list', ['--format=json', '-r', relationId]);
  }

  async relationRemoteApp(relationId: string): Promise<string | null> {
    const value = await this.#json('relation-list', ['--format=json', '-r', relationId, '--app']);
    if (value === null || value === '') return null;
    if (typeof value !== 'string')
      throw this.#malformed('relation-list', ['-r', relationId, '--app'], 'expected a string');
    return value;
  }

  async relationGet(relationId: string, target: string, options: { app?: boolean } = {}): Promise<RelationData> {
    const args = ['--format=json', '-r', relationId, ...(options.app === true ? ['--app'] : []), '-', target];
    const value = await this.#json('relation-get', args);
    if (value === null) return {};
    if (typeof value !== 'object' || Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string')) {
      throw this.#malformed('relation-get', args, 'relation data must be a map of strings');
    }
    return value as RelationData;
  }

  async relationSet(relationId: string, data: RelationData, options: { app?: boolean } = {}): Promise<void> {
    const args = ['-r', relationId, ...(options.app === true ? ['--app'] : []), '--file', '-'];
    await this.#write('relation-set', args, `${JSON.stringify(data)}\n`);
  }

  async statusSet(status: StatusName, message: string, options: { application?: boolean } = {}): Promise<void> {
    if (!STATUSES.has(status)) {
      throw new HookToolError({
        tool: 'status-set',
        args: [status],
        exitCode: 2,
        stderr: `ERROR invalid status "${status}", expected one of [maintenance blocked waiting active]`,
      });
    }
    await this.#write('status-set', [
      ...(options.application === true ? ['--application'] : []),
      status,
      '--',
      message,
    ]);
  }

  async statusGet(options: { application?: boolean } = {}): Promise<StatusInfo> {
    const args = ['--format=json', '--include-data', ...(options.application === true ? ['--application'] : [])];
    const value = (await this.#object('status-get', args)) as Record<string, unknown>;
    const body = (options.application === true ? value['application-status'] : value) as
      Record<string, unknown> | undefined;
    return {
      status: String(body?.status ?? 'unknown'),
      message: String(body?.message ?? ''),
      data: (body?.['status-data'] as Record<string, unknown> | undefined) ?? {},
    };
  }

  async openPort(spec: PortSpec): Promise<void> {
    await this.#write('open-port', [formatPortSpec(spec)]);
  }

  async closePort(spec: PortSpec): Promise<void> {
    await this.#write('close-port', [formatPortSpec(spec)]);
  }

  async openedPorts(): Promise<readonly string[]> {
    return this.#strings('opened-ports', ['--format=json']);
  }

  async unitGet(key: 'private-address' | 'public-address'): Promise<string> {
    const value = await this.#json('unit-get', ['--format=json', key]);
    if (typeof value !== 'string') throw this.#malformed('unit-get', [key], 'expected a string');
    return value;
  }

  async networkGet(binding: string, options: { relationId?: string } = {}): Promise<NetworkInfo> {
    const args = ['--format=json', binding, ...(options.relationId !== undefined ? ['-r', options.relationId] : [])];
    return (await this.#object('network-get', args)) as unknown as NetworkInfo;
  }

  async isLeader(): Promise<boolean> {
    const value = await this.#json('is-leader', ['--format=json']);
    if (typeof value !== 'boolean') throw this.#malformed('is-leader', [], 'expected true or false');
    return value;
  }

  async leaderGet(): Promise<RelationData> {
    const value = await this.#json('leader-get', ['--format=json', '-']);
    return (value ?? {}) as RelationData;
  }

  async leaderSet(data: RelationData): Promise<void> {
    await this.#write(
      'leader-set',
      Object.entries(data).map(([k, v]) => `${k}=${v}`),
    );
  }

  async applicationVersionSet(version: string): Promise<void> {
    await this.#write('application-version-set', ['--', version]);
  }

  async jujuLog(level: JujuLogLevel, message: string): Promise<void> {
    // Not a write of model state: it must not drop the cache.
    await this.#run('juju-log', ['--log-level', level, '--', this.#redactor.redactString(message)]);
  }

  async actionGet(): Promise<Readonly<Record<string, unknown>>> {
    return this.#object('action-get', ['--format=json']);
  }

  async actionSet(results: Readonly<Record<string, unknown>>): Promise<void> {
    const args: string[] = [];
    flatten('', results, args);
    await this.#write('action-set', args);
  }

  async actionFail(message: string): Promise<void> {
    await this.#write('action-fail', ['--', message]);
  }

  async resourceGet(name: string): Promise<string> {
    return (await this.#run('resource-get', [name])).trim();
  }

  async goalState(): Promise<GoalState> {
    const value = await this.#object('goal-state', ['--format=json']);
    const units = value.units ?? {};
    const relations = value.relations ?? {};
    if (typeof units !== 'object' || typeof relations !== 'object' || units === null || relations === null)
      throw this.#malformed('goal-state', [], 'expected units and relations maps');
    return { units, relations } as GoalState;
  }

  async #write(tool: string, args: string[], stdin?: string): Promise<void> {
    this.#cache.clear();
    await this.#run(tool, args, stdin);
  }

  async #object(tool: string, args: string[]): Promise<Readonly<Record<string, unknown>>> {
    const value = await this.#json(tool, args);
    if (value === null) return {};
    if (typeof value !== 'object' || Array.isArray(value)) throw this.#malformed(tool, args, 'expected a JSON object');
    return value as Record<string, unknown>;
  }

  async #strings(tool: string, args: string[]): Promise<readonly string[]> {
    const value = await this.#json(tool, args);
    if (value === null) return [];
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
      throw this.#malformed(tool, args, 'expected a list of strings');
    return value as string[];
  }

  async #json(tool: string, args: string[]): Promise<unknown> {
    const text = await this.#cached(tool, args);
    if (text.trim() === '') return null;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw this.#malformed(tool, args, 'output is not JSON');
    }
  }

  #cached(tool: string, args: string[]): Promise<string> {
    if (!this.#useCache || !CACHEABLE.has(tool)) return this.#run(tool, args);
    const key = JSON.stringify([tool, ...args]);
    let hit = this.#cache.get(key);
    if (hit === undefined) {
      hit = this.#run(tool, args);
      this.#cache.set(key, hit);
      // A failed answer is not an answer: retrying may legitimately differ.
      hit.catch(() => this.#cache.delete(key));
    }
    return hit;
  }

  /** The one place a tool failure is turned into a typed error. */
  async #run(tool: string, args: string[], stdin?: string): Promise<string> {
    const result = await this.#runner(tool, args, stdin);
    if (result.exitCode === 0) return result.stdout;
    throw classifyHookToolFailure({
      tool,
      args: this.#redactor.redactArgs(args),
      exitCode: result.exitCode,
      stderr: this.#redactor.redactString(result.stderr.trim()),
    });
  }

  #malformed(tool: string, args: string[], why: string): HookToolError {
    return new HookToolError(
      { tool, args: this.#redactor.redactArgs(args), exitCode: 0, stderr: `ERROR ${why}` },
      { code: 'HOOK_TOOL_OUTPUT', summary: 'hook tool returned malformed output' },
    );
  }
}

import type { ModelState } from '../model/model-state';
import type { RelationRecord } from '../model/types';
import type { HookExecution } from './hook-execution';
import { ToolUsageError } from './tool-errors';

/** Log levels `juju-log` accepts. */
export type JujuLogLevel = 'TRACE' | 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR' | 'CRITICAL';

/**
 * Everything a hook tool may see or do: the model (read, and changed only through the methods
 * here or the pending buffers of the execution), the running hook, and the agent's settings.
 * The tool server builds one per call; unit tests build one in memory.
 */
export interface ToolEnv {
  readonly model: ModelState;
  readonly exec: HookExecution;
  /** The running unit's address, which `unit-get` and `network-get` report. */
  readonly address: string;
  /** The subnet of the unit's address (the model's unit network), when it has one of its own. */
  readonly subnet?: string;
  /** Absolute working dir of the tool process (for `--file` and `-o` paths). */
  readonly cwd: string;
  /** Standard input of the tool, once the shim sent it; undefined until then. */
  readonly stdin: string | undefined;
  /** Appends a line to the model's debug log for this unit. */
  log(level: JujuLogLevel, message: string): void;
  /** Persists an immediate change (status-set, leader-set, application-version-set). */
  changed(): void;
  /** Reads a file (for `relation-set --file path`). */
  readFile(path: string): string;
  /** Writes a file (for `-o/--output`). */
  writeFile(path: string, content: string): void;
}

/** What a tool returns when it succeeds. */
export interface ToolOutput {
  readonly stdout?: string;
  readonly stderr?: string;
}

/** One hook tool. */
export interface HookTool {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  run(env: ToolEnv, args: readonly string[]): ToolOutput;
}

/**
 * Resolves a `-r/--relation` value (`name:7` or `7`) to a relation the unit can see, or the
 * hook's own relation when absent.
 *
 * @throws ToolUsageError with Juju's wording for a bad or unknown id.
 */
export function relationFromFlag(env: ToolEnv, value: string | boolean | undefined): RelationRecord | undefined {
  if (value === undefined || typeof value === 'boolean') {
    const id = env.exec.relationId;
    return id === undefined ? undefined : env.model.findRelation(id);
  }
  const text = value.slice(value.lastIndexOf(':') + 1);
  if (!/^\d+$/.test(text))
    throw new ToolUsageError(`invalid value ${JSON.stringify(value)} for option -r: invalid relation id`);
  const relation = env.model.findRelation(Number.parseInt(text, 10));
  const visible = relation !== undefined && relation.endpoints.some((e) => e.app === env.exec.app);
  if (!visible) throw new ToolUsageError(`invalid value ${JSON.stringify(value)} for option -r: relation not found`);
  return relation;
}

/** `<endpoint>:<id>` of a relation seen from the running unit. */
export function relationKey(env: ToolEnv, relation: RelationRecord): string {
  return `${env.model.localEndpoint(relation, env.exec.app).endpoint}:${relation.id}`;
}

/** Rejects positional arguments past `max`, as Juju's `cmd.CheckEmpty` does. */
export function checkExtraArgs(args: readonly string[], max: number): void {
  if (args.length > max) throw new ToolUsageError(`unrecognized args: ${JSON.stringify(args.slice(max))}`);
}

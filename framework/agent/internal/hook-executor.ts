import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hookFinished, hookStarted } from '../model/hook-progress';
import { appOfUnit, type ModelState } from '../model/model-state';
import { commitRelationData } from '../model/relation-ops';
import { enterRelationScopes } from '../model/unit-addresses';
import type { QueuedHook, UnitRecord } from '../model/types';
import { DebugLog } from '../runner/debug-log';
import { hookEnvironment } from '../runner/hook-environment';
import { runHookProcess, type HookProcessResult } from '../runner/run-hook-process';
import { stderrLogLevel } from '../runner/stderr-level';
import type { ToolRequest, ToolResponse } from '../../charm';
import { HookExecution, type ActionRun } from '../tools/hook-execution';
import { applyPortChanges } from '../tools/port-tools';
import { runTool } from '../tools/run-tool';
import type { ToolEnv } from '../tools/tool-env';

/** What the executor reports about each hook it ran. */
export interface HookEvent {
  readonly unit: string;
  readonly hook: string;
  readonly outcome: 'ok' | 'skipped' | 'failed';
  readonly exitCode: number | null;
  readonly durationMs: number;
  readonly reason?: string;
}

/** Settings the executor needs from the agent. */
export interface HookExecutorOptions {
  readonly modelDir: string;
  readonly model: ModelState;
  readonly save: () => void;
  readonly log: DebugLog;
  readonly socketPath: string;
  readonly toolsDir: string;
  readonly basePath: string;
  /** Offer the hook-tool socket transport to hooks (see `AgentSettings.toolSocket`). */
  readonly toolSocket: boolean;
  /** The address of units without one of their own (the agent runs without a unit network). */
  readonly address: string;
  readonly onHook?: (event: HookEvent) => void;
  /** Monotonic milliseconds, for durations. */
  readonly clock?: () => number;
}

/**
 * Runs hooks and actions for the agent: registers the hook context for the tool server, starts
 * the process with Juju's environment, logs its output, and commits the buffered relation data
 * and ports when it exits 0.
 */
export class HookExecutor {
  private readonly contexts = new Map<string, HookExecution>();

  constructor(private readonly options: HookExecutorOptions) {}

  /** Answers a tool call from a shim (the tool server's handler). */
  handleTool(request: ToolRequest): ToolResponse {
    const exec = this.contexts.get(request.contextId);
    if (exec === undefined) return { code: 1, stdout: '', stderr: 'ERROR bad request: wrong context ID\n' };
    const { model, log, save } = this.options;
    const subnet = model.data.unitNetwork?.subnet;
    const address = this.addressOf(exec.unit);
    const env: ToolEnv = {
      model,
      exec,
      address,
      ...(subnet !== undefined && model.findUnit(exec.unit)?.address !== undefined ? { subnet } : {}),
      cwd: request.cwd,
      stdin: request.stdin,
      log: (level, message) => log.write(exec.unit, level, `unit.${exec.unit}.juju-log`, message),
      changed: save,
      readFile: (path) => readFileSync(path, 'utf8'),
      writeFile: (path, content) => writeFileSync(path, content),
    };
    return runTool(env, request.command, request.args);
  }

  /** Runs the unit's head hook and records the outcome in the model. */
  async runQueued(unit: UnitRecord, hook: QueuedHook): Promise<void> {
    const { model, save, onHook } = this.options;
    enterRelationScopes(model, (name) => this.addressOf(name));
    hookStarted(model, unit, hook);
    save();
    const exec = this.newExecution(unit.name, hook.hook, hook);
    const started = this.now();
    const result = await this.execute(unit, exec);
    const ok = result.outcome !== 'failed';
    if (ok) this.commit(unit, exec);
    hookFinished(model, unit, hook, ok);
    save();
    const event: HookEvent = {
      unit: unit.name,
      hook: hook.hook,
      outcome: result.outcome,
      exitCode: result.exitCode,
      durationMs: this.now() - started,
      ...(result.reason === undefined ? {} : { reason: result.reason }),
    };
    this.options.log.write(unit.name, ok ? 'INFO' : 'ERROR', `unit.${unit.name}.agent`, describe(event));
    onHook?.(event);
  }

  /** Runs an action on a unit; relation data and ports commit when it exits 0. */
  async runAction(unit: UnitRecord, action: ActionRun): Promise<HookProcessResult> {
    if (enterRelationScopes(this.options.model, (name) => this.addressOf(name))) this.options.save();
    const exec = this.newExecution(unit.name, action.name, null, action);
    const result = await this.execute(unit, exec);
    if (result.outcome !== 'failed') this.commit(unit, exec);
    this.options.save();
    return result;
  }

  private async execute(unit: UnitRecord, exec: HookExecution): Promise<HookProcessResult> {
    const { model, modelDir, log } = this.options;
    const charmDir = join(modelDir, unit.charmDir);
    const relation = exec.relationId === undefined ? undefined : model.findRelation(exec.relationId);
    const endpoint = relation === undefined ? undefined : model.localEndpoint(relation, exec.app).endpoint;
    const env = hookEnvironment({
      unit: unit.name,
      charmDir,
      contextId: exec.contextId,
      socketPath: this.options.socketPath,
      modelName: model.data.name,
      modelUuid: model.data.uuid,
      toolsDir: this.options.toolsDir,
      basePath: this.options.basePath,
      toolSocket: this.options.toolSocket,
      hook: exec.queued,
      ...(relation === undefined ? {} : { relationKey: `${endpoint}:${relation.id}`, relationName: endpoint }),
      ...(exec.action === null ? {} : { action: { name: exec.action.name, id: exec.contextId.slice(-8) } }),
    });
    const logger = `unit.${unit.name}.${exec.hook}`;
    const stdout = lineWriter((line) => log.write(unit.name, 'DEBUG', logger, line));
    const stderr = lineWriter((line) => log.write(unit.name, stderrLogLevel(line), logger, line));
    this.contexts.set(exec.contextId, exec);
    try {
      return await runHookProcess({
        charmDir,
        dispatchPath: env.JUJU_DISPATCH_PATH!,
        env,
        onStdout: stdout.write,
        onStderr: stderr.write,
      });
    } finally {
      stdout.flush();
      stderr.flush();
      this.contexts.delete(exec.contextId);
    }
  }

  private commit(unit: UnitRecord, exec: HookExecution): void {
    const { model } = this.options;
    for (const [relationId, pending] of exec.relationSets) {
      commitRelationData(model, unit.name, { relationId, unit: pending.unit, app: pending.app });
    }
    if (exec.portChanges.length > 0 && model.findUnit(unit.name) !== undefined) {
      unit.ports = applyPortChanges(unit.ports, exec.portChanges);
    }
  }

  /** A unit's own address, else the shared one. */
  private addressOf(unit: string): string {
    return this.options.model.findUnit(unit)?.address ?? this.options.address;
  }

  /** The context of one hook or action run, under a fresh id the unit's shims send back. */
  private newExecution(
    unit: string,
    hook: string,
    queued: QueuedHook | null,
    action: ActionRun | null = null,
  ): HookExecution {
    const contextId = `${unit}-${hook}-${randomBytes(8).toString('hex')}`;
    return new HookExecution(contextId, unit, appOfUnit(unit), hook, queued, action);
  }

  private now(): number {
    return this.options.clock?.() ?? performance.now();
  }
}

/** One-line summary of a hook run, as the CLI prints it: `app/0: install ... ok (0.1s)`. */
export function describe(event: HookEvent): string {
  const seconds = `${(event.durationMs / 1000).toFixed(1)}s`;
  if (event.outcome === 'failed') {
    const why = event.reason ?? `exit code ${event.exitCode ?? 'none (killed)'}`;
    return `${event.unit}: ${event.hook} ... failed: ${why} (${seconds})`;
  }
  return `${event.unit}: ${event.hook} ... ${event.outcome === 'skipped' ? 'skipped (no hook)' : 'ok'} (${seconds})`;
}

/** Splits a stream's chunks into whole lines (a chunk may end mid-line). */
function lineWriter(emit: (line: string) => void): { write: (chunk: string) => void; flush: () => void } {
  let partial = '';
  return {
    write(chunk) {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) emit(line);
    },
    flush() {
      if (partial !== '') emit(partial);
      partial = '';
    },
  };
}

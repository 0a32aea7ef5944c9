import { resolve } from 'node:path';
import type { HookEvent } from '../internal/hook-executor';
import {
  LocalAgent,
  type ActionResult,
  type DeployResult,
  type DrainReport,
  type LocalAgentOptions,
  type RefreshResult,
} from '../local-agent';
import { ModelOperationError } from '../errors';
import type { RelationRecord } from '../model/types';
import { processAlive, runningAgentPid } from './agent-lock';
import { controlSocketPath, sendControlRequest } from './control-socket';
import { AgentConnectionError, AgentRequestError } from './daemon-errors';

/**
 * The {@link LocalAgent} a command gets while `rxcharm agent` runs for its model: every operation
 * that changes the model or runs hooks is handed to the running agent over its control socket,
 * with the same result, errors and hook progress (`onHook`) as when run here. Reads (`status`,
 * `getConfig`, `report`, the debug log) read the model file, which the agent keeps saved.
 * If the agent is gone before it accepted the operation, the operation runs here as usual.
 */
export class ForwardingAgent extends LocalAgent {
  private readonly controlPath: string;

  constructor(
    private readonly forwardOptions: LocalAgentOptions,
    /** The running agent's pid. */
    readonly agentPid: number,
  ) {
    super(forwardOptions);
    this.controlPath = controlSocketPath(this.modelDir);
  }

  /**
   * A {@link ForwardingAgent} when an agent runs for the model, else a plain {@link LocalAgent}.
   */
  static for(options: LocalAgentOptions): LocalAgent {
    const pid = runningAgentPid(options.modelDir);
    return pid === undefined ? new LocalAgent(options) : new ForwardingAgent(options, pid);
  }

  override deploy(
    source: string,
    options: { app?: string; config?: readonly string[]; units?: number } = {},
  ): Promise<DeployResult> {
    return this.forward('deploy', [resolve(source), options], () => super.deploy(source, options));
  }

  override refresh(app: string, options: { path?: string } = {}): Promise<RefreshResult> {
    const sent = options.path === undefined ? {} : { path: resolve(options.path) };
    return this.forward('refresh', [app, sent], () => super.refresh(app, options));
  }

  override config(app: string, assignments: readonly string[], reset: readonly string[] = []): Promise<string[]> {
    return this.forward('config', [app, assignments, reset], () => super.config(app, assignments, reset));
  }

  override relate(a: string, b: string): Promise<RelationRecord> {
    return this.forward('relate', [a, b], () => super.relate(a, b));
  }

  override unrelate(a: string, b: string): Promise<RelationRecord> {
    return this.forward('unrelate', [a, b], () => super.unrelate(a, b));
  }

  override addUnit(app: string, count = 1): Promise<string[]> {
    return this.forward('addUnit', [app, count], () => super.addUnit(app, count));
  }

  override removeUnit(unit: string): Promise<void> {
    return this.forward('removeUnit', [unit], () => super.removeUnit(unit));
  }

  override removeApplication(app: string): Promise<void> {
    return this.forward('removeApplication', [app], () => super.removeApplication(app));
  }

  override resolve(unit: string, retry = true): Promise<void> {
    return this.forward('resolve', [unit, retry], () => super.resolve(unit, retry));
  }

  override updateStatus(target?: string): Promise<string[]> {
    return this.forward('updateStatus', [target ?? null], () => super.updateStatus(target));
  }

  override wait(timeoutMs?: number): Promise<DrainReport> {
    return this.forward('wait', [timeoutMs ?? null], () => super.wait(timeoutMs));
  }

  override runAction(unit: string, action: string, args: readonly string[] = []): Promise<ActionResult> {
    return this.forward('runAction', [unit, action, args], () => super.runAction(unit, action, args));
  }

  override setModelConfig(assignments: readonly string[], reset: readonly string[] = []): Promise<string[]> {
    return this.forward('setModelConfig', [assignments, reset], () => super.setModelConfig(assignments, reset));
  }

  /** Refused while the agent runs: it holds the model and its unit network. */
  override destroyModel(): Promise<void> {
    return Promise.reject(
      new ModelOperationError(
        `cannot destroy the model while rxcharm agent runs for it (pid ${this.agentPid}): stop the agent first`,
      ),
    );
  }

  /**
   * Sends the operation; while the agent is starting (its socket not there yet) tries again, and
   * runs it here if the agent's process is gone without having accepted it.
   */
  private async forward<T>(op: string, args: readonly unknown[], here: () => Promise<T>): Promise<T> {
    const onHook = (event: HookEvent) => this.forwardOptions.onHook?.(event);
    const deadline = Date.now() + (this.forwardOptions.lockTimeoutMs ?? 600_000);
    for (;;) {
      try {
        return (await sendControlRequest(this.controlPath, { op, args: args.map(undefinedToNull) }, onHook)) as T;
      } catch (error) {
        if (error instanceof AgentRequestError && error.code === 'AGENT_STOPPING') {
          // The agent refused it before changing anything: run it here once the agent is gone.
          while (processAlive(this.agentPid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
          if (processAlive(this.agentPid)) throw error;
          return here();
        }
        if (!(error instanceof AgentConnectionError) || !notListening(error)) throw error;
        if (!processAlive(this.agentPid)) return here();
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }
}

/** True when the connection was refused before anything was sent (no socket, nobody listening). */
function notListening(error: AgentConnectionError): boolean {
  const code = (error.cause as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ECONNREFUSED';
}

function undefinedToNull(value: unknown): unknown {
  return value === undefined ? null : value;
}

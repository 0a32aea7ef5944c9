import { isRxcharmError } from '../../errors';
import { actionFail, actionGet, actionLog, actionSet } from './action-tools';
import { configGet } from './config-get';
import { goalStateTool } from './goal-state';
import { leaderGet, leaderSet, isLeader } from './leader-tools';
import { applicationVersionSet, jujuLog, networkGet, resourceGet, unitGet } from './misc-tools';
import { closePort, openedPorts, openPort } from './port-tools';
import { relationGet, relationIds, relationList } from './relation-read-tools';
import { relationSet } from './relation-set';
import { statusGet, statusSet } from './status-tools';
import type { HookTool, ToolEnv } from './tool-env';
import { ToolNeedsStdin, ToolRuntimeError, ToolUsageError } from './tool-errors';

const TOOLS: readonly HookTool[] = [
  actionFail,
  actionGet,
  actionLog,
  actionSet,
  applicationVersionSet,
  closePort,
  configGet,
  goalStateTool,
  isLeader,
  jujuLog,
  leaderGet,
  leaderSet,
  networkGet,
  openPort,
  openedPorts,
  relationGet,
  relationIds,
  relationList,
  relationSet,
  resourceGet,
  statusGet,
  statusSet,
  unitGet,
];

/** Names of every hook tool the local agent serves (one shim each on `PATH`). */
export const HOOK_TOOL_NAMES: readonly string[] = TOOLS.map((t) => t.name);

/** What a tool call produced: Juju's exit code and output, or a request for stdin. */
export interface ToolResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** True when the tool needs stdin: the shim sends it and calls again. */
  readonly needStdin?: boolean;
}

/**
 * Runs one hook tool against the model: `-h/--help` prints usage (exit 0); usage errors print
 * `ERROR <message>` and exit 2; runtime errors print `ERROR <message>` and exit 1.
 */
export function runTool(env: ToolEnv, name: string, args: readonly string[]): ToolResult {
  const tool = TOOLS.find((t) => t.name === name);
  if (tool === undefined)
    return { code: 1, stdout: '', stderr: `ERROR bad request: unknown command ${JSON.stringify(name)}\n` };
  const end = args.indexOf('--');
  const flagPart = end < 0 ? args : args.slice(0, end);
  if (flagPart.includes('-h') || flagPart.includes('--help')) {
    return { code: 0, stdout: `Usage: ${tool.usage}\n\nSummary:\n${tool.summary}\n`, stderr: '' };
  }
  try {
    const out = tool.run(env, args);
    return { code: 0, stdout: out.stdout ?? '', stderr: out.stderr ?? '' };
  } catch (error) {
    if (error instanceof ToolNeedsStdin) return { code: 1, stdout: '', stderr: '', needStdin: true };
    if (error instanceof ToolUsageError || error instanceof ToolRuntimeError) {
      return { code: error.exitCode, stdout: '', stderr: `ERROR ${error.message}\n` };
    }
    const message = isRxcharmError(error) || error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { code: 1, stdout: '', stderr: `ERROR ${message}\n` };
  }
}

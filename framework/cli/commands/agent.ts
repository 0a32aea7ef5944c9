import type { Command } from 'commander';
import { registerAgentDaemonCommands } from './agent/agent-daemon-command';
import { registerConfigCommand } from './agent/config-command';
import { registerDebugLogCommand } from './agent/debug-log-command';
import { registerLifecycleCommands } from './agent/lifecycle-commands';
import { registerRefreshCommand } from './agent/refresh-command';
import { registerRelationCommands } from './agent/relation-commands';
import { registerRunActionCommand } from './agent/run-action-command';
import { registerStatusCommands } from './agent/status-commands';

/**
 * Registers the local agent's commands: `deploy`, `config`, `relate`, `unrelate`, `add-unit`,
 * `remove-unit`, `remove-application`, `refresh`, `status`, `resolve`, `wait`, `debug-log`, `run-action`,
 * `agent` and `model-config`.
 * Each takes `--model DIR` (default `$RXCHARM_MODEL` or `./.rxcharm/model`).
 */
export function registerAgentCommands(program: Command): void {
  registerLifecycleCommands(program);
  registerRefreshCommand(program);
  registerConfigCommand(program);
  registerRelationCommands(program);
  registerStatusCommands(program);
  registerDebugLogCommand(program);
  registerRunActionCommand(program);
  registerAgentDaemonCommands(program);
}

import { Charm, hook } from 'rxcharm';
import { reportStatusFromRules, type StatusRule } from '../lib';

/**
 * layer:basic's handlers. The config flags (`config.changed`, `config.changed.<opt>`,
 * `config.set.<opt>`, `config.default.<opt>`) are computed by the runtime before any handler
 * runs, so every charm built on this layer has them; Node.js and `packages` are installed by
 * `dispatch` before Node starts.
 */
export class BasicLayer extends Charm {
  /**
   * `update-status` (Juju runs it every five minutes): when layers declared status rules
   * (`basic.status-rules`), refresh the workload status from the current flags; while every rule
   * holds, the status the charm last set with `setWorkloadStatus` is shown again. Without rules
   * the status stays whatever the layers last set.
   */
  @hook('update-status')
  async updateStatus(): Promise<void> {
    if (this.layerOption<StatusRule[]>('basic', 'status-rules').length === 0) return;
    await reportStatusFromRules(this);
  }
}

/**
 * The proxy charm's config, validated. A bad value becomes a `SettingsProblem` naming the option;
 * the charm shows it as a blocked status and leaves the running proxy alone.
 */
import { isSettingsProblem, readPort, type RawConfig, type SettingsProblem } from 'layer:basic';
import { readWorkload, type StartingWorkload } from 'layer:docker';

/** Validated config: the workload's `image` and `port` (layer:docker's `readWorkload`), and the rest. */
export interface Settings extends StartingWorkload {
  readonly statsPort: number;
  /** Seconds between two health checks of one backend. */
  readonly checkInterval: number;
}

/** Validates every option; the first problem found is returned. */
export function readSettings(config: RawConfig): Settings | SettingsProblem {
  const workload = readWorkload(config, 'rxcharm/haproxy');
  if (isSettingsProblem(workload)) return workload;
  const statsPort = readPort(config, 'stats-port');
  if (isSettingsProblem(statsPort)) return statsPort;
  if (statsPort === workload.port) {
    return { option: 'stats-port', message: `config stats-port: ${statsPort} is also the proxy's port` };
  }
  const checkInterval = config['check-interval'];
  if (
    typeof checkInterval !== 'number' ||
    !Number.isInteger(checkInterval) ||
    checkInterval < 1 ||
    checkInterval > 3600
  ) {
    return {
      option: 'check-interval',
      message: `config check-interval: ${JSON.stringify(checkInterval)} is not a whole number of seconds from 1 to 3600`,
    };
  }
  return { ...workload, statsPort, checkInterval };
}

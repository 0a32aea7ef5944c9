/**
 * The redis charm's config, validated. A bad value becomes a `SettingsProblem` naming the
 * option; the charm shows it as a blocked status and leaves the running container alone.
 */
import { isSettingsProblem, type RawConfig, type SettingsProblem } from 'layer:basic';
import { readWorkload, type StartingWorkload } from 'layer:docker';

/** Validated config: the workload's `image` and `port` (layer:docker's `readWorkload`), and the rest. */
export interface Settings extends StartingWorkload {
  /** Whether Redis requires AUTH (config `auth`, default true). */
  readonly auth: boolean;
}

/** Validates `image`, `port` and `auth`; the first problem found is returned. */
export function readSettings(config: RawConfig): Settings | SettingsProblem {
  const workload = readWorkload(config, 'redis:7');
  if (isSettingsProblem(workload)) return workload;
  const auth = config.auth ?? true;
  if (typeof auth !== 'boolean')
    return { option: 'auth', message: `auth must be true or false, got ${JSON.stringify(auth)}` };
  return { ...workload, auth };
}

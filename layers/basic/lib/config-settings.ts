/**
 * Building blocks for a charm's own config validation ("settings"): the raw values the runtime
 * hands over, the problem a bad value becomes, and readers for the option kinds every charm has.
 * A problem names the option, so the charm can show it as a `blocked` status and leave its
 * workload alone until the operator fixes the config.
 */
import { setWorkloadStatus, type WorkloadStatusTarget } from './workload-status';

/** The raw config values, as the runtime types them from config.yaml. */
export type RawConfig = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** Why the config cannot be used: the option and what is wrong with it. */
export interface SettingsProblem {
  readonly option: string;
  readonly message: string;
}

/** True when `value` is a {@link SettingsProblem} rather than a read value or settings object. */
export function isSettingsProblem(value: unknown): value is SettingsProblem {
  return typeof value === 'object' && value !== null && 'option' in value && 'message' in value;
}

/** What {@link settingsOrBlocked} needs: config, logger, status and kv (a `Charm` has them all). */
export interface SettingsTarget extends WorkloadStatusTarget {
  readonly config: { all(): RawConfig };
  readonly log: { warn(fields: object, message: string): void };
}

/**
 * Reads the charm's settings with `read`; on a problem, logs it, sets `blocked` with its message
 * (remembered for update-status) and returns `undefined`, so the caller only decides what to do
 * until the config changes.
 *
 * @example
 * ```ts
 * const settings = await settingsOrBlocked(this, readSettings);
 * if (settings === undefined) return this.setFlag(CONFIGURED); // nothing to do until config changes
 * ```
 */
export async function settingsOrBlocked<S>(
  charm: SettingsTarget,
  read: (config: RawConfig) => S | SettingsProblem,
): Promise<S | undefined> {
  const settings = read(charm.config.all());
  if (!isSettingsProblem(settings)) return settings;
  charm.log.warn({ option: settings.option }, settings.message);
  await setWorkloadStatus(charm, 'blocked', settings.message);
  return undefined;
}

/**
 * Reads a TCP port option: an integer from 1 to 65535.
 *
 * @example
 * ```ts
 * const port = readPort(this.config.all(), 'port');
 * if (isSettingsProblem(port)) return setWorkloadStatus(this, 'blocked', port.message);
 * ```
 */
export function readPort(config: RawConfig, option: string): number | SettingsProblem {
  const value = config[option];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65535) {
    return {
      option,
      message: `${option} must be a TCP port between 1 and 65535, got ${JSON.stringify(value ?? null)}`,
    };
  }
  return value;
}

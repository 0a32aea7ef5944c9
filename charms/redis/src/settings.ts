/**
 * The redis charm's config, validated. A bad value becomes a {@link SettingsProblem} naming the
 * option; the charm shows it as a blocked status and leaves the running container alone.
 */

/** Validated config. */
export interface Settings {
  readonly image: string;
  readonly port: number;
}

/** Why the config cannot be used: the option and what is wrong with it. */
export interface SettingsProblem {
  readonly option: string;
  readonly message: string;
}

/** The raw config values (as the runtime types them from config.yaml). */
export type RawConfig = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** Docker reference syntax, loosely: no whitespace or control characters, not empty. */
const IMAGE_REF = /^[A-Za-z0-9][A-Za-z0-9._\-/:@]*$/;

/** True when `value` is a problem rather than settings. */
export function isSettingsProblem(value: Settings | SettingsProblem): value is SettingsProblem {
  return 'option' in value;
}

/** Validates `image` and `port`; the first problem found is returned. */
export function readSettings(config: RawConfig): Settings | SettingsProblem {
  const image = config.image;
  if (typeof image !== 'string' || !IMAGE_REF.test(image.trim())) {
    return { option: 'image', message: `image must be an image reference such as redis:7, got ${JSON.stringify(image ?? null)}` };
  }
  const port = config.port;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    return { option: 'port', message: `port must be a TCP port between 1 and 65535, got ${JSON.stringify(port ?? null)}` };
  }
  return { image: image.trim(), port };
}

/**
 * The postgresql charm's config, validated. A bad value becomes a {@link SettingsProblem} naming
 * the option; the charm shows it as a blocked status and leaves the running container alone.
 */
import { isPgName } from './pg-names';

/** Validated config. Empty `database` / `user` mean "named after the consumer application". */
export interface Settings {
  readonly image: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
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

function name(config: RawConfig, option: 'database' | 'user'): string | SettingsProblem {
  const value = config[option] ?? '';
  if (typeof value !== 'string' || (value !== '' && !isPgName(value))) {
    return { option, message: `${option} must be empty or a name of 1-63 letters, digits, '_' or '-' starting with a letter or '_', got ${JSON.stringify(value)}` };
  }
  return value;
}

/** Validates `image`, `port`, `database` and `user`; the first problem found is returned. */
export function readSettings(config: RawConfig): Settings | SettingsProblem {
  const image = config.image;
  if (typeof image !== 'string' || !IMAGE_REF.test(image.trim())) {
    return { option: 'image', message: `image must be an image reference such as postgres:15, got ${JSON.stringify(image ?? null)}` };
  }
  const port = config.port;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    return { option: 'port', message: `port must be a TCP port between 1 and 65535, got ${JSON.stringify(port ?? null)}` };
  }
  const database = name(config, 'database');
  if (typeof database !== 'string') return database;
  const user = name(config, 'user');
  if (typeof user !== 'string') return user;
  if (user === 'postgres') return { option: 'user', message: 'user must not be postgres (the superuser stays the charm\'s own)' };
  return { image: image.trim(), port, database, user };
}

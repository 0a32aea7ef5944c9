/**
 * The postgresql charm's config, validated. A bad value becomes a `SettingsProblem` naming
 * the option; the charm shows it as a blocked status and leaves the running container alone.
 */
import { isSettingsProblem, type RawConfig, type SettingsProblem } from 'layer:basic';
import { readWorkload, type StartingWorkload } from 'layer:docker';
import { isPgName } from './pg-names';

/** Validated config. Empty `database` / `user` mean "named after the consumer application". */
export interface Settings extends StartingWorkload {
  readonly database: string;
  readonly user: string;
}

function readName(config: RawConfig, option: 'database' | 'user'): string | SettingsProblem {
  const value = config[option] ?? '';
  if (typeof value !== 'string' || (value !== '' && !isPgName(value))) {
    return {
      option,
      message: `${option} must be empty or a name of 1-63 letters, digits, '_' or '-' starting with a letter or '_', got ${JSON.stringify(value)}`,
    };
  }
  return value;
}

/** Validates `image`, `port`, `database` and `user`; the first problem found is returned. */
export function readSettings(config: RawConfig): Settings | SettingsProblem {
  const workload = readWorkload(config, 'postgres:15');
  if (isSettingsProblem(workload)) return workload;
  const database = readName(config, 'database');
  if (isSettingsProblem(database)) return database;
  const user = readName(config, 'user');
  if (isSettingsProblem(user)) return user;
  if (user === 'postgres')
    return { option: 'user', message: "user must not be postgres (the superuser stays the charm's own)" };
  return { ...workload, database, user };
}

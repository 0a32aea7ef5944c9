/**
 * The redis charm's config, validated. A bad value becomes a `SettingsProblem` naming the
 * option; the charm shows it as a blocked status and leaves the running container alone.
 */
import { isSettingsProblem, readPort, type RawConfig, type SettingsProblem } from 'layer:basic';
import { readImage } from 'layer:docker';

/** Validated config. */
export interface Settings {
  readonly image: string;
  readonly port: number;
  /** Whether Redis requires AUTH (config `auth`, default true). */
  readonly auth: boolean;
}

/** Validates `image`, `port` and `auth`; the first problem found is returned. */
export function readSettings(config: RawConfig): Settings | SettingsProblem {
  const image = readImage(config, 'image', 'redis:7');
  if (isSettingsProblem(image)) return image;
  const port = readPort(config, 'port');
  if (isSettingsProblem(port)) return port;
  const auth = config.auth ?? true;
  if (typeof auth !== 'boolean')
    return { option: 'auth', message: `auth must be true or false, got ${JSON.stringify(auth)}` };
  return { image, port, auth };
}

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
}

/** Validates `image` and `port`; the first problem found is returned. */
export function readSettings(config: RawConfig): Settings | SettingsProblem {
  const image = readImage(config, 'image', 'redis:7');
  if (isSettingsProblem(image)) return image;
  const port = readPort(config, 'port');
  if (isSettingsProblem(port)) return port;
  return { image, port };
}

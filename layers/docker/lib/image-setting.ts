import { isSettingsProblem, readPort, type RawConfig, type SettingsProblem } from 'layer:basic';
import type { StartingWorkload } from './unit-project';

/**
 * Docker reference syntax, loosely: not empty, no whitespace or control characters, nothing a
 * compose file or a command line could read as more than one word. The daemon judges the rest
 * (a reference it cannot pull is reported by `applyComposeFile`).
 */
const IMAGE_REF = /^[A-Za-z0-9][A-Za-z0-9._\-/:@]*$/;

/**
 * Reads an image option (surrounding blanks trimmed); `example` shows the operator a valid value.
 *
 * @example
 * ```ts
 * const image = readImage(this.config.all(), 'image', 'redis:7');
 * ```
 */
export function readImage(config: RawConfig, option: string, example: string): string | SettingsProblem {
  const value = config[option];
  if (typeof value !== 'string' || !IMAGE_REF.test(value.trim())) {
    return {
      option,
      message: `${option} must be an image reference such as ${example}, got ${JSON.stringify(value ?? null)}`,
    };
  }
  return value.trim();
}

/**
 * Reads the options every `UnitProject` workload has: `image` (`example` shows a valid
 * value) and the published `port`; the first problem found is returned.
 *
 * @example
 * ```ts
 * const workload = readWorkload(config, 'redis:7');
 * if (isSettingsProblem(workload)) return workload;
 * return { ...workload, auth };
 * ```
 */
export function readWorkload(config: RawConfig, example: string): StartingWorkload | SettingsProblem {
  const image = readImage(config, 'image', example);
  if (isSettingsProblem(image)) return image;
  const port = readPort(config, 'port');
  if (isSettingsProblem(port)) return port;
  return { image, port };
}

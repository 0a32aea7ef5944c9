import type { RawConfig, SettingsProblem } from 'layer:basic';

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

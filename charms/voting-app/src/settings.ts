/**
 * The charm's config, validated: five images and two host ports. Invalid values become a
 * {@link SettingsProblem} naming the option, shown to the operator as a blocked status.
 */

/** The five services' images. */
export interface Images {
  readonly vote: string;
  readonly worker: string;
  readonly result: string;
  readonly redis: string;
  readonly postgres: string;
}

/** Validated config. */
export interface Settings {
  readonly images: Images;
  readonly votePort: number;
  readonly resultPort: number;
}

/** Why the config cannot be used: the option and what is wrong with it. */
export interface SettingsProblem {
  readonly option: string;
  readonly message: string;
}

/** The raw config values the charm reads (as the runtime types them from config.yaml). */
export type RawConfig = Readonly<Record<string, string | number | boolean | null | undefined>>;

const IMAGE_OPTIONS = { vote: 'vote_image', worker: 'worker_image', result: 'result_image', redis: 'redis_image', postgres: 'postgres_image' } as const;

/** Docker reference syntax, loosely: no whitespace or control characters, not empty. */
const IMAGE_REF = /^[A-Za-z0-9][A-Za-z0-9._\-/:@]*$/;

function port(config: RawConfig, option: string): number | SettingsProblem {
  const value = config[option];
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 65535) {
    return { option, message: `${option} must be a TCP port between 1 and 65535, got ${JSON.stringify(value ?? null)}` };
  }
  return n;
}

function isProblem(value: unknown): value is SettingsProblem {
  return typeof value === 'object' && value !== null && 'option' in value;
}

/** Validate the config; the first problem found is returned (options in config.yaml order). */
export function readSettings(config: RawConfig): Settings | SettingsProblem {
  const images: Record<string, string> = {};
  for (const [service, option] of Object.entries(IMAGE_OPTIONS)) {
    const value = config[option];
    if (typeof value !== 'string' || !IMAGE_REF.test(value.trim())) {
      return { option, message: `${option} must be an image reference such as ${service === 'redis' ? 'redis:alpine' : 'name:tag'}, got ${JSON.stringify(value ?? null)}` };
    }
    images[service] = value.trim();
  }
  const votePort = port(config, 'vote_port');
  if (isProblem(votePort)) return votePort;
  const resultPort = port(config, 'result_port');
  if (isProblem(resultPort)) return resultPort;
  if (votePort === resultPort) {
    return { option: 'result_port', message: `vote_port and result_port must differ (both are ${votePort})` };
  }
  return { images: images as unknown as Images, votePort, resultPort };
}

/** Type guard for the problem branch of {@link readSettings}. */
export function isSettingsProblem(value: Settings | SettingsProblem): value is SettingsProblem {
  return isProblem(value);
}

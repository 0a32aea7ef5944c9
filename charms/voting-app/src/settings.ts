/**
 * The charm's config, validated: five images and two host ports. Invalid values become a
 * `SettingsProblem` naming the option, shown to the operator as a blocked status.
 */
import { isSettingsProblem, readPort, type RawConfig, type SettingsProblem } from 'layer:basic';
import { readImage } from 'layer:docker';

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

const IMAGE_OPTIONS = {
  vote: 'vote_image',
  worker: 'worker_image',
  result: 'result_image',
  redis: 'redis_image',
  postgres: 'postgres_image',
} as const;

/** Validate the config; the first problem found is returned (options in config.yaml order). */
export function readSettings(config: RawConfig): Settings | SettingsProblem {
  const images: Partial<Record<keyof Images, string>> = {};
  for (const service of Object.keys(IMAGE_OPTIONS) as Array<keyof Images>) {
    const image = readImage(config, IMAGE_OPTIONS[service], service === 'redis' ? 'redis:alpine' : 'name:tag');
    if (isSettingsProblem(image)) return image;
    images[service] = image;
  }
  const votePort = readPort(config, 'vote_port');
  if (isSettingsProblem(votePort)) return votePort;
  const resultPort = readPort(config, 'result_port');
  if (isSettingsProblem(resultPort)) return resultPort;
  if (votePort === resultPort) {
    return { option: 'result_port', message: `vote_port and result_port must differ (both are ${votePort})` };
  }
  return { images: images as Images, votePort, resultPort };
}

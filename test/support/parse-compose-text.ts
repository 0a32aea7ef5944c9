import { parseCompose } from '../../framework/docker/model/parse-compose';
import type { ComposeModel } from '../../framework/docker/model/types';

/** The path {@link parseComposeText} parses its text as. */
export const TEST_COMPOSE_FILE = '/proj/docker-compose.yml';

/** Options of {@link parseComposeText}. */
export interface ParseComposeTextOptions {
  /** The variables interpolation sees (none by default). */
  readonly env?: Readonly<Record<string, string>>;
  /** The other files the project may read (env files, extends, secrets), by absolute path. */
  readonly files?: Readonly<Record<string, string>>;
  readonly onWarning?: (message: string) => void;
}

/**
 * Parses compose text as {@link TEST_COMPOSE_FILE} with home `/home/u`, reading files from
 * `files` only: reading any other fails with `ENOENT <path>`. Touches neither the disk nor Docker.
 */
export function parseComposeText(text: string, options: ParseComposeTextOptions = {}): ComposeModel {
  const files = options.files ?? {};
  return parseCompose(text, {
    file: TEST_COMPOSE_FILE,
    env: options.env ?? {},
    home: '/home/u',
    onWarning: options.onWarning,
    readFile: (p) => {
      if (!(p in files)) throw Object.assign(new Error(`ENOENT ${p}`), { code: 'ENOENT' });
      return files[p];
    },
  });
}

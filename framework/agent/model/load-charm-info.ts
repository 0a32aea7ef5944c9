import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ACTIONS_FILE,
  CharmFileError,
  CONFIG_FILE,
  METADATA_FILE,
  parseActionsSchema,
  parseCharmMetadata,
  parseConfigSchema,
} from '../../charm';
import { CharmLoadError } from '../errors';
import type { CharmInfo } from './types';

/**
 * Reads what the agent needs from a built charm directory: name, endpoints, config options and
 * actions, with the one charm-file reader (`framework/charm`), so the agent accepts exactly
 * what a hook of the charm accepts.
 *
 * @throws CharmLoadError naming the charm dir, with the reader's {@link CharmFileError} (file
 *   and key) as its cause, when `metadata.yaml` is missing or any of the files is malformed.
 */
export function loadCharmInfo(dir: string): CharmInfo {
  try {
    const text = (file: string): string | undefined => {
      const path = join(dir, file);
      return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    };
    const metadataText = text(METADATA_FILE);
    if (metadataText === undefined) throw new CharmFileError(join(dir, METADATA_FILE), undefined, 'file is missing');
    const meta = parseCharmMetadata(metadataText, join(dir, METADATA_FILE));
    return {
      name: meta.name,
      endpoints: meta.endpoints.map((e) => ({ name: e.name, role: e.role, interface: e.interface })),
      extraBindings: [...meta.extraBindings],
      resources: [...meta.resources],
      config: { ...parseConfigSchema(text(CONFIG_FILE) ?? '', join(dir, CONFIG_FILE)) },
      actions: { ...parseActionsSchema(text(ACTIONS_FILE) ?? '', join(dir, ACTIONS_FILE)) },
    };
  } catch (error) {
    if (error instanceof CharmFileError) throw new CharmLoadError(dir, error.message, error);
    throw error;
  }
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CharmFileError,
  CONFIG_FILE,
  METADATA_FILE,
  parseCharmMetadata,
  parseConfigSchema,
  writeFileAtomic,
  type CharmMetadata,
  type ConfigSchema,
} from '../charm';

/** metadata.yaml and config.yaml, parsed. */
export interface CharmFiles {
  readonly meta: CharmMetadata;
  readonly schema: ConfigSchema;
}

interface CacheDocument {
  readonly version: 2;
  readonly metadataText: string;
  readonly configText: string;
  readonly files: CharmFiles;
}

/**
 * Reads and parses the charm's metadata.yaml and config.yaml (the pure core is
 * {@link parseCharmFiles}).
 *
 * With `cacheFile`, the parsed result is kept in that JSON file together with the exact texts it
 * came from, and reused while both files are byte-for-byte the same: parsing YAML is the largest
 * piece of a no-op hook's own work. A changed or unreadable cache is simply parsed again and
 * rewritten (atomically); errors are never cached, so a broken file fails every hook with the same
 * typed error as without the cache.
 *
 * @throws CharmFileError naming the file and the key (also when metadata.yaml is missing).
 */
export function loadCharmFiles(
  charmDir: string,
  read: (name: string) => string | undefined,
  cacheFile?: string,
): CharmFiles {
  const metadataText = read(METADATA_FILE);
  if (metadataText === undefined) throw new CharmFileError(join(charmDir, METADATA_FILE), undefined, 'file not found');
  const configText = read(CONFIG_FILE) ?? '';
  const cached = cacheFile === undefined ? undefined : readCache(cacheFile);
  if (cached !== undefined && cached.metadataText === metadataText && cached.configText === configText)
    return cached.files;
  const files = parseCharmFiles(charmDir, metadataText, configText);
  if (cacheFile !== undefined) writeCache(cacheFile, { version: 2, metadataText, configText, files });
  return files;
}

/** Parses both files; errors name the file (under `charmDir`) and the entry. Pure. */
export function parseCharmFiles(charmDir: string, metadataText: string, configText: string): CharmFiles {
  return {
    meta: parseCharmMetadata(metadataText, join(charmDir, METADATA_FILE)),
    schema: parseConfigSchema(configText, join(charmDir, CONFIG_FILE)),
  };
}

function readCache(file: string): CacheDocument | undefined {
  try {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheDocument> | null;
    if (
      doc?.version !== 2 ||
      typeof doc.metadataText !== 'string' ||
      typeof doc.configText !== 'string' ||
      typeof doc.files !== 'object'
    )
      return undefined;
    return doc as CacheDocument;
  } catch {
    return undefined;
  }
}

/** Best effort: a cache that cannot be written only costs the next hook a parse. */
function writeCache(file: string, doc: CacheDocument): void {
  // CharmMetadata and ConfigSchema hold only strings, finite numbers, booleans and null: JSON keeps them.
  try {
    writeFileAtomic(file, JSON.stringify(doc));
  } catch {
    // Nothing was written.
  }
}

import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfigSchema, type ConfigSchema } from '../hookenv';
import { parseCharmMetadata, type CharmMetadata } from './charm-metadata';
import { CharmMetadataError } from './runtime-errors';

/** metadata.yaml and config.yaml, parsed. */
export interface CharmFiles {
  readonly meta: CharmMetadata;
  readonly schema: ConfigSchema;
}

/** Where a real hook keeps the parse cache: in the unit state dir, beside the store. */
export const CHARM_FILES_CACHE = join('.rxcharm', 'charm-files.json');

interface CacheDocument {
  readonly version: 1;
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
 * @throws CharmMetadataError (also when metadata.yaml is missing), ConfigSchemaError.
 */
export function loadCharmFiles(
  charmDir: string,
  read: (name: string) => string | undefined,
  cacheFile?: string,
): CharmFiles {
  const metadataText = read('metadata.yaml');
  if (metadataText === undefined) throw new CharmMetadataError(join(charmDir, 'metadata.yaml'), 'file not found');
  const configText = read('config.yaml') ?? '';
  const cached = cacheFile === undefined ? undefined : readCache(cacheFile);
  if (cached !== undefined && cached.metadataText === metadataText && cached.configText === configText)
    return cached.files;
  const files = parseCharmFiles(charmDir, metadataText, configText);
  if (cacheFile !== undefined) writeCache(cacheFile, { version: 1, metadataText, configText, files });
  return files;
}

/** Parses both files; errors name the file (under `charmDir`) and the entry. Pure. */
export function parseCharmFiles(charmDir: string, metadataText: string, configText: string): CharmFiles {
  return {
    meta: parseCharmMetadata(metadataText, join(charmDir, 'metadata.yaml')),
    schema: parseConfigSchema(configText, join(charmDir, 'config.yaml')),
  };
}

function readCache(file: string): CacheDocument | undefined {
  try {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheDocument> | null;
    if (
      doc?.version !== 1 ||
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
  const text = JSON.stringify(doc);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text, { mode: 0o600 });
    renameSync(tmp, file);
  } catch {
    try {
      unlinkSync(tmp);
    } catch {
      // Nothing was written.
    }
  }
}

import { HASH_SCHEMA } from '../labels';
import { sha256Canonical } from './canonical-json';
import type { ServiceTemplate } from './service-template';

/**
 * rxcharm's canonical config hash of a service: sha256 of the canonical JSON of its create
 * template plus the hash schema version. Scale, `depends_on` and the image id are not part of it
 * (scale never recreates; the image id is compared on its own). Stable under key, env and label
 * reordering because the template sorts set-like lists and canonical JSON sorts keys.
 *
 * @returns 64 hex characters, written to `com.docker.compose.config-hash`.
 */
export function configHash(template: ServiceTemplate): string {
  return sha256Canonical({ schema: HASH_SCHEMA, template });
}

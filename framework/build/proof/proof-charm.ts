import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { listFiles, MANIFEST_FILE } from '../build-manifest';
import { CharmDirError } from '../errors';
import { isRxcharmError } from '../../errors';
import { planCharm } from '../plan-charm';
import { resolveLayers } from '../resolve-layers';
import type { LayerSearchPath } from '../search-path';
import type { ProofFinding } from './proof-finding';
import { proofFiles } from './proof-files';
import { isUnitStatePath } from '../../charm';

const decoder = new TextDecoder();
const TEXT_FILE =
  /\.(ya?ml|ts|json|tmpl|hbs|j2|txt|md|conf|cfg|ini|env)$|^templates\/|^metadata|^config|^actions|^layer/;

/**
 * Proofs a built charm (a directory with `.build.manifest`) or a layer (its stack is resolved
 * and merged in memory, nothing is written). Problems that stop the merge (a missing layer, a
 * YAML syntax error) come back as E findings rather than exceptions.
 *
 * @param dir the built charm or the layer directory.
 * @param searchPath needed to resolve a layer's includes.
 * @returns findings, in rule order; print each with `formatFinding`.
 * @throws CharmDirError when `dir` is not a directory.
 * @example
 * ```ts
 * const findings = proofCharm('build/my-app', searchPath);
 * process.exitCode = proofExitCode(findings);
 * ```
 */
export function proofCharm(dir: string, searchPath: LayerSearchPath): ProofFinding[] {
  const root = resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new CharmDirError(root, 'not a directory');
  const files = new Map<string, string>();
  if (existsSync(join(root, MANIFEST_FILE))) {
    for (const path of listFiles(root)) {
      if (isUnitStatePath(path) || path.startsWith('lib/charm.') || !TEXT_FILE.test(path)) continue;
      files.set(path, readFileSync(join(root, path), 'utf8'));
    }
    return proofFiles(files);
  }
  try {
    const plan = planCharm(resolveLayers(root, searchPath));
    for (const file of plan.files) if (TEXT_FILE.test(file.path)) files.set(file.path, decoder.decode(file.content));
  } catch (error) {
    if (!isRxcharmError(error)) throw error;
    const raw = typeof error.context['file'] === 'string' ? error.context['file'] : root;
    const line = typeof error.context['line'] === 'number' ? `:${error.context['line']}` : '';
    const file = `${raw.startsWith(`${root}/`) ? relative(root, raw) : raw}${line}`;
    return [{ severity: 'E', file, message: `FATAL: ${error.message.replace(/\s*\n\s*/g, '; ')}` }];
  }
  return proofFiles(files);
}

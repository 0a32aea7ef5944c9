import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Charm } from 'rxcharm';
import type { Compose, PlanAction } from 'rxcharm/compose';
import { upOrReport, type ComposeFault } from './compose-faults';
import { recordedPublishAddress } from './publish-address';

/** Options of {@link applyComposeFile}. */
export interface ApplyComposeOptions {
  /** The rendered compose file (in the compose workspace). */
  readonly file: string;
  /** Whether rendering just changed the file (a changed file is brought up even if its digest was applied). */
  readonly changed: boolean;
  /** kv key holding the sha256 of the file last brought up successfully. */
  readonly appliedKey: string;
  /** Runs right before `up`, only when there is something to bring up (e.g. a "Starting ..." status). */
  readonly beforeUp?: () => Promise<void>;
}

/** What {@link applyComposeFile} did. */
export type ApplyOutcome =
  | { readonly ok: true; readonly upped: false }
  | { readonly ok: true; readonly upped: true; readonly actions: PlanAction[] }
  | { readonly ok: false; readonly fault: ComposeFault };

/**
 * Brings a rendered compose file up when it differs from the one last brought up successfully,
 * reporting Docker faults through {@link upOrReport} (status set, hook not failed). The digest is
 * recorded only after a successful `up`, so a fault leaves it for the next hook to retry; hooks
 * whose render changed nothing make no Docker calls at all.
 *
 * @example
 * ```ts
 * const { changed } = render({ source: 'docker-compose.yml', target, context });
 * const applied = await applyComposeFile(this, this.compose(), { file: target, changed, appliedKey: 'app.applied' });
 * if (!applied.ok) return; // the status says why; CONFIGURED stays clear, the next hook retries
 * ```
 */
export async function applyComposeFile(
  charm: Charm,
  compose: Compose,
  options: ApplyComposeOptions,
): Promise<ApplyOutcome> {
  // The publish address is part of what was applied: a unit whose address changed publishes anew.
  const hash = createHash('sha256').update(readFileSync(options.file));
  const publishOn = recordedPublishAddress(charm);
  if (publishOn !== undefined) hash.update(`\0publish-address=${publishOn}`);
  const digest = hash.digest('hex');
  if (!options.changed && charm.kv.get<string>(options.appliedKey) === digest) return { ok: true, upped: false };
  await options.beforeUp?.();
  const outcome = await upOrReport(charm, compose);
  if (!outcome.ok) return outcome;
  charm.log.info(
    { actions: outcome.actions.map((a) => `${a.kind} ${'service' in a ? a.service : ''}`.trim()) },
    'compose up',
  );
  charm.kv.set(options.appliedKey, digest);
  return { ok: true, upped: true, actions: outcome.actions };
}

import { Charm, hook } from 'rxcharm';
import type { UnitProject } from './unit-project';

/** The flags of a {@link UnitProjectCharm}, named by the charm (`redis.configured`, ...). */
export interface UnitProjectFlags {
  /** The project reflects the current inputs; cleared by every input change, set by the charm's converge. */
  readonly configured: string;
  /** Set by the stop hook; the charm's converge waits for it not to be set, so nothing starts again. */
  readonly stopped: string;
  /** The workload answers; cleared by the stop hook. Omit when the charm has no such flag. */
  readonly ready?: string;
}

/**
 * A charm whose workload is the unit's one compose project ({@link UnitProject}), declaring the
 * handlers such charms share: install, config-changed and upgrade-charm clear the `configured`
 * flag (a charm with more inputs overrides `inputsChanged` with its own `@hook` patterns); stop
 * sets `stopped`, clears `ready` and downs the project; remove also deletes its volumes and
 * workspace. The charm adds its `converge`, guarded by `@whenNot(configured, stopped)`.
 *
 * Handler ids are the subclass's (`redis:reactive/redis.ts:RedisCharm.stop`), registered before
 * the subclass's own handlers. Declare `flags` as an object literal of string constants, as
 * below: `rxcharm graph` reads it to show the flags these handlers set and clear.
 *
 * @example
 * ```ts
 * export class RedisCharm extends UnitProjectCharm {
 *   protected readonly flags = { configured: CONFIGURED, stopped: STOPPED, ready: READY };
 *   protected readonly project = new UnitProject(this, { workload: 'Redis', appliedKey: APPLIED_KEY });
 *
 *   @when('docker.available')
 *   @whenNot(CONFIGURED, STOPPED)
 *   async converge(): Promise<void> { ... }
 * }
 * ```
 */
export abstract class UnitProjectCharm extends Charm {
  protected abstract readonly flags: UnitProjectFlags;
  protected abstract readonly project: UnitProject;

  @hook('install', 'config-changed', 'upgrade-charm')
  inputsChanged(): void {
    this.clearFlag(this.flags.configured);
  }

  @hook('stop')
  async stop(): Promise<void> {
    this.setFlag(this.flags.stopped);
    if (this.flags.ready !== undefined) this.clearFlag(this.flags.ready);
    await this.project.stop();
  }

  /** The unit is going away: the project's volumes and workspace go too. */
  @hook('remove')
  async remove(): Promise<void> {
    await this.project.remove();
  }
}

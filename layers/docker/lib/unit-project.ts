import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { render, type Charm, type TemplateContext } from 'rxcharm';
import type { Compose } from 'rxcharm/compose';
import { setWorkloadStatus } from 'layer:basic';
import { applyComposeFile, type ApplyOutcome } from './apply-compose';
import { composeFor, unitProjectName } from './docker-engine';

/** Options of {@link UnitProject}. */
export interface UnitProjectOptions {
  /** The workload's name in status messages (`Starting Redis (redis:7) on port 6379`). */
  readonly workload: string;
  /** kv key holding the digest of the compose file last brought up (see {@link applyComposeFile}). */
  readonly appliedKey: string;
}

/** What {@link UnitProject.apply} reports while starting: the image and the published port. */
export interface StartingWorkload {
  readonly image: string;
  readonly port: number;
}

/**
 * The unit's one compose project, named after the unit: a workspace under the charm directory
 * holding the compose file rendered from `templates/docker-compose.yml`, brought up when it
 * changes, taken down on `stop` and deleted with its volumes on `remove`.
 *
 * @example
 * ```ts
 * private readonly project = new UnitProject(this, { workload: 'Redis', appliedKey: 'redis.applied-compose' });
 *
 * const applied = await this.project.apply(context, { image: settings.image, port: settings.port });
 * if (!applied.ok) return; // the status says why; the next hook retries
 * ```
 */
export class UnitProject {
  constructor(
    private readonly charm: Charm,
    private readonly options: UnitProjectOptions,
  ) {}

  /** The compose workspace (holds the rendered docker-compose.yml). */
  get workspace(): string {
    return join(this.charm.charmDir, 'workspace');
  }

  /** The charm's templates directory. */
  get templatesDir(): string {
    return join(this.charm.charmDir, 'templates');
  }

  /** A `Compose` for the project on the hook's Docker client. */
  compose(): Compose {
    return composeFor(this.charm, this.workspace, { project: unitProjectName(this.charm.hook.unitName) });
  }

  /**
   * Renders docker-compose.yml with `context` and brings it up when it changed (status
   * `Starting <workload> (<image>) on port <port>` first). A Docker fault is reported as a status
   * and returned as `ok: false`; compose pulls before touching containers, so the old container,
   * if any, keeps serving.
   */
  async apply(context: TemplateContext, starting: StartingWorkload): Promise<ApplyOutcome> {
    const { changed, path } = render({
      source: 'docker-compose.yml',
      target: join(this.workspace, 'docker-compose.yml'),
      context,
      templatesDir: this.templatesDir,
    });
    return applyComposeFile(this.charm, this.compose(), {
      file: path,
      changed,
      appliedKey: this.options.appliedKey,
      beforeUp: () =>
        setWorkloadStatus(
          this.charm,
          'maintenance',
          `Starting ${this.options.workload} (${starting.image}) on port ${starting.port}`,
        ),
    });
  }

  /** Takes the project's containers and network down (volumes stay), forgetting what was applied. */
  async stop(): Promise<void> {
    await setWorkloadStatus(this.charm, 'maintenance', `Stopping ${this.options.workload}`);
    await this.compose().down();
    this.charm.kv.unset(this.options.appliedKey);
  }

  /** The unit is going away: the project's volumes and the workspace go too. */
  async remove(): Promise<void> {
    await this.compose().down({ volumes: true });
    rmSync(this.workspace, { recursive: true, force: true });
  }
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Compose, DockerodeClient, type ComposeOptions, type DockerClient } from '../../framework/docker';
import { countingClient, type CountingClient } from './counting-client';
import { removeProject, testLabels, uniqueName } from './docker-cleanup';

/**
 * A throw-away compose project for tests: a temporary workspace, a unique project name, a
 * write-counting client, `rxcharm.test=<project>` on everything its `Compose` creates, and clean-up
 * (containers, networks, volumes, workspace) on dispose.
 *
 * @example
 * ```ts
 * await using p = new TestComposeProject();
 * p.write(`services:\n  web: {image: ${ensureBusyboxImage()}, command: sleep 1d, init: true}\n`);
 * await p.compose().up();
 * ```
 */
export class TestComposeProject implements AsyncDisposable {
  readonly dir: string;
  readonly project: string;
  readonly counting: CountingClient;

  constructor(options: { readonly prefix?: string; readonly docker?: DockerClient } = {}) {
    this.project = uniqueName(options.prefix ?? 'rxt');
    this.dir = mkdtempSync(join(tmpdir(), `${this.project}-`));
    this.counting = countingClient(options.docker ?? new DockerodeClient());
  }

  /** Absolute path of the compose file. */
  get file(): string {
    return join(this.dir, 'docker-compose.yml');
  }

  /** Writes the compose file (replacing it). */
  write(text: string): this {
    writeFileSync(this.file, text);
    return this;
  }

  /** A `Compose` on this project using the counting client. */
  compose(options: Omit<ComposeOptions, 'project' | 'docker'> = {}): Compose {
    return new Compose(this.dir, {
      ...options,
      labels: { ...testLabels(this.project), ...options.labels },
      project: this.project,
      docker: this.counting.client,
    });
  }

  /** Removes everything the project created, and the workspace. */
  dispose(): void {
    removeProject(this.project);
    rmSync(this.dir, { recursive: true, force: true });
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.dispose();
  }
}

import { join } from 'node:path';
import { Charm, hook, render, when, whenNot } from 'rxcharm';
import { composeFor } from 'layer:docker';

const RUNNING = 'voting-app.running';
const PORT_OPTIONS = ['vote_port', 'result_port'] as const;

export class VotingApp extends Charm {
  /** Any config change means "converge again"; compose itself recreates only what changed. */
  @hook('config-changed')
  configChanged(): void {
    this.clearFlag(RUNNING);
  }

  @when('docker.available')
  @whenNot(RUNNING)
  async launch(): Promise<void> {
    const workspace = join(this.charmDir, 'files', 'voting-app');
    render({
      source: 'docker-compose.yml',
      target: join(workspace, 'docker-compose.yml'),
      context: this.config.all(), // strict: a key the template uses but config lacks fails here
      templatesDir: join(this.charmDir, 'templates'),
    });
    await composeFor(this, workspace, { project: 'voting-app' }).up();
    for (const option of PORT_OPTIONS) {
      // config.previous() is the value of the last successful hook: close what we opened then.
      const previous = this.config.previous<number>(option);
      if (this.config.changed(option) && previous !== null) this.ports.close(previous);
      this.ports.open(this.config.get<number>(option) as number);
    }
    this.setFlag(RUNNING);
    await this.status.active('Ready to vote!');
  }
}

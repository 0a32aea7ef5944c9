import { join } from 'node:path';
import { Charm, render, when, whenNot } from 'rxcharm';
import { composeFor } from 'layer:docker';

export class VotingApp extends Charm {
  /** By default we run the standalone formation: all five services on this machine. */
  @when('docker.available')
  @whenNot('voting-app.standalone.running')
  async launchStandaloneFormation(): Promise<void> {
    const workspace = join(this.charmDir, 'files', 'voting-app');
    // templates/docker-compose.yml → files/voting-app/docker-compose.yml (mode 0600, atomic).
    render({
      source: 'docker-compose.yml',
      target: join(workspace, 'docker-compose.yml'),
      context: this.config.all(),
      templatesDir: join(this.charmDir, 'templates'),
    });
    // Converge the project: create what is missing, recreate what changed, remove orphans.
    await composeFor(this, workspace, { project: 'voting-app' }).up();
    // Declare the ports to Juju (committed only if the hook succeeds).
    this.ports.open(5000);
    this.ports.open(5001);
    this.setFlag('voting-app.standalone.running');
    await this.status.active('Ready to vote!');
  }
}

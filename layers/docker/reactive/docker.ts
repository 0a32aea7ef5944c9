import { Charm, hook, when } from 'rxcharm';
import {
  dockerHostOf,
  dockerSetupStep,
  installDockerPackage,
  machineFacts,
  pingDocker,
  recordPublishAddress,
  startDockerDaemon,
} from '../lib';

/** Flags this layer owns. */
const AVAILABLE = 'docker.available';
const READY = 'docker.ready';
const RESTART = 'docker.restart';

/**
 * layer:docker's handlers: keep `docker.available`/`docker.ready` equal to "the daemon answers a
 * ping", install docker.io when allowed, and serve `docker.restart` requests.
 */
export class DockerLayer extends Charm {
  /** Sets or clears the flags from a real ping; installs or starts the engine when it is local. */
  @hook('{install,start,config-changed,upgrade-charm,update-status}')
  async checkDocker(): Promise<void> {
    const host = dockerHostOf(this);
    let answering = await pingDocker(this.docker);
    const facts = machineFacts();
    const step = dockerSetupStep({
      answering,
      local: host === '',
      installed: facts.installed,
      installAllowed: this.config.get<boolean>('install_docker') ?? true,
      debianLike: facts.debianLike,
    });
    if (step.kind === 'install' || step.kind === 'start-daemon') {
      await this.status.maintenance(step.message);
      if (step.kind === 'install') {
        const result = await installDockerPackage();
        if (result.code !== 0) {
          this.log.error({ output: result.output.slice(-2000) }, 'apt-get install docker.io failed');
          await this.status.blocked('Installing Docker failed (see juju debug-log)');
          this.markDown();
          return;
        }
      }
      await startDockerDaemon();
      await this.status.waiting('Waiting for Docker daemon');
      answering = await pingDocker(this.docker, 20_000);
    } else if (step.kind === 'blocked') {
      await this.status.blocked(step.message);
    } else if (step.kind === 'wait') {
      await this.status.waiting(step.message);
    }
    if (answering) {
      // Before the flags: handlers they trigger bring compose projects up on this address.
      await recordPublishAddress(this);
      this.setFlag(AVAILABLE);
      this.setFlag(READY);
    } else {
      if (step.kind !== 'blocked') await this.status.waiting('Waiting for Docker daemon');
      this.markDown();
    }
  }

  /** `docker.restart` request: restart the local daemon, then re-check it. */
  @when(RESTART)
  async restartDocker(): Promise<void> {
    this.clearFlag(RESTART);
    const host = dockerHostOf(this);
    if (host !== '') {
      this.log.warn({ dockerHost: host }, 'docker.restart ignored: docker_host is remote');
      return;
    }
    await this.status.maintenance('Restarting Docker daemon');
    this.markDown();
    const result = await startDockerDaemon(true);
    if (result.code !== 0) this.log.error({ output: result.output.slice(-2000) }, 'restarting docker failed');
    if (await pingDocker(this.docker, 20_000)) {
      this.setFlag(AVAILABLE);
      this.setFlag(READY);
    } else {
      await this.status.waiting('Waiting for Docker daemon');
    }
  }

  private markDown(): void {
    this.clearFlag(AVAILABLE);
    this.clearFlag(READY);
  }
}

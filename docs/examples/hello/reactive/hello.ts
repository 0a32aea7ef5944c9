import { Charm, when, whenNot } from 'rxcharm';
import { readyMessage } from '../lib';

/** Handlers of the hello charm. */
export class HelloCharm extends Charm {
  /** Runs once: installs the workload, then marks it installed. */
  @whenNot('hello.installed')
  async install(): Promise<void> {
    await this.status.maintenance('installing hello');
    this.setFlag('hello.installed');
  }

  /** Reports readiness whenever the unit is installed. */
  @when('hello.installed')
  async ready(): Promise<void> {
    await this.status.active(readyMessage(this.config.get<string>('greeting') ?? 'hello', 'hello'));
  }
}

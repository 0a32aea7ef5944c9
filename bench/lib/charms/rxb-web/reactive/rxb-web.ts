import { Charm, when } from 'rxcharm';
import type { HttpProvides } from 'interface:http';

/** Publishes the configured port on every website relation and reports it. */
export class RxbWeb extends Charm {
  @when('config.changed')
  async report(): Promise<void> {
    await this.status.active(`serving on port ${this.config.get<number>('port') ?? 8080}`);
  }

  @when('website.available')
  publish(website: HttpProvides): void {
    website.configure(this.config.get<number>('port') ?? 8080);
  }
}

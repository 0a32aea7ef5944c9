import { Charm, when, whenNot } from 'rxcharm';
import type { HttpRequires } from 'interface:http';

/** Reports the HTTP backends it is related to. */
export class RxbSite extends Charm {
  @when('backend.available')
  async connected(backend: HttpRequires): Promise<void> {
    const hosts = backend.services().flatMap((s) => s.hosts.map((h) => `${h.hostname}:${h.port}`));
    await this.status.active(`backends: ${hosts.join(', ') || 'none yet'}`);
  }

  @whenNot('backend.available')
  async alone(): Promise<void> {
    await this.status.blocked('needs a backend relation');
  }
}

import { dirname } from 'node:path';
import { Charm, render, when } from 'rxcharm';
import { composeFor } from 'layer:docker';

/** Renders the compose file on every hook; compose runs only when the file changed. */
export class App extends Charm {
  @when('docker.available')
  async converge(): Promise<void> {
    const { changed, path } = render({
      source: 'docker-compose.yml',                       // in templatesDir
      target: `${this.charmDir}/files/app/docker-compose.yml`,
      templatesDir: `${this.charmDir}/templates`,
      context: { image: this.config.get('image'), port: 8080, redis_host: null },
      // mode: 0o640,                                     // default 0o600
      // format: 'text',                                  // default 'compose' here (a compose file), else 'yaml'
    });
    if (changed) await composeFor(this, dirname(path)).up();
  }
}

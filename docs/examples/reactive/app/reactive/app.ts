import { Charm, when, whenNot, hook, action, whenFileChanged, setFlag } from 'rxcharm';

export class AppCharm extends Charm {
  @when('docker.available') @whenNot('app.started')   // stacked decorators are ANDed
  start(): void { this.log.info('starting'); setFlag('app.started'); }

  @hook('{requires:redis}-relation-{joined,changed}') // hook phase only
  onRedis(): void { this.log.info('redis relation changed'); }

  @whenFileChanged('/srv/app/config.yml')            // re-run when the file's content changes
  restart(): void { this.log.info('restarting'); }

  @action('backup') @when('app.started')             // only for the action "backup"
  async backup(): Promise<void> { await this.action.set({ saved: 'yes' }); }
}

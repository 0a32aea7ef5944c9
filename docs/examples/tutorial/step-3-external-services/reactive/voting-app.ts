import { join } from 'node:path';
import { Charm, hook, render, when, whenNot } from 'rxcharm';
import { reconcileOpenedPorts } from 'layer:basic';
import { composeFor } from 'layer:docker';
import type { PgsqlRequires } from 'interface:pgsql';
import type { RedisRequires } from 'interface:redis';

const RUNNING = 'voting-app.running';
const PORT_OPTIONS = ['vote_port', 'result_port'] as const;

export class VotingApp extends Charm {
  /** Config and relation changes both mean "converge again". */
  @hook('config-changed', '{redis,postgres}-relation-{joined,changed,departed,broken}')
  inputsChanged(): void {
    this.clearFlag(RUNNING);
  }

  /**
   * One handler for every formation: the compose file is computed from what the relations
   * offer right now, so a departed relation brings the bundled container back by itself.
   */
  @when('docker.available')
  @whenNot(RUNNING)
  async converge(): Promise<void> {
    const redis = this.endpoint<RedisRequires>('redis').redisData()[0];
    const pg = this.endpoint<PgsqlRequires>('postgres').master;
    const context = {
      ...this.config.all(),
      redis_external: redis !== undefined,
      redis_host: redis?.host ?? 'redis',
      pg_external: pg !== undefined,
      pg_host: pg?.host ?? 'db',
      pg_user: pg?.user ?? 'postgres',
      pg_pass: this.markSecret(pg?.password ?? 'bundled-only'),
      pg_db: pg?.dbname ?? 'postgres',
    };
    const workspace = join(this.charmDir, 'files', 'voting-app');
    await this.status.maintenance(`Configuring ${redis === undefined ? 'bundled' : 'external'} Redis, ${pg === undefined ? 'bundled' : 'external'} PostgreSQL`);
    render({ source: 'docker-compose.yml', target: join(workspace, 'docker-compose.yml'), context, templatesDir: join(this.charmDir, 'templates') });
    // Services that left the file (the bundled redis or db) are removed: no orphan containers.
    await composeFor(this, workspace, { project: 'voting-app' }).up();
    // layer:basic (included by layer:docker) keeps the opened ports in kv: no loop over previous().
    reconcileOpenedPorts(this, 'voting-app.open-ports', PORT_OPTIONS.map((option) => this.config.get<number>(option) as number));
    this.setFlag(RUNNING);
    await this.status.active('Ready to vote!');
  }
}

/**
 * The voting-app charm: five services under compose, with Redis and PostgreSQL swappable for
 * related applications.
 *
 * Flow: any input that can change the formation (config, redis/postgres relation hooks, charm
 * upgrade) clears `voting-app.configured`; `converge` then renders the compose file once and
 * brings the project up only when the rendered file differs from the one last applied (compose
 * itself recreates only the services whose config changed and removes the orphans). Hooks with
 * no such input (update-status...) run nothing.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Charm, hook, render, when, whenNot } from 'rxcharm';
import { composeFor } from 'layer:docker';
import type { HttpProvides } from 'interface:http';
import type { PgsqlRequires } from 'interface:pgsql';
import type { RedisRequires } from 'interface:redis';
import { readExternalServices } from '../src/external-services';
import { composeContext, describeFormation, servicesOf } from '../src/formation';
import { isSettingsProblem, readSettings, type Settings } from '../src/settings';

/** Flag: the running formation reflects the current inputs (or the config problem is reported). */
export const CONFIGURED = 'voting-app.configured';
/** Flag: the stop hook ran; nothing brings the project up again. */
export const STOPPED = 'voting-app.stopped';
/** kv: sha256 of the compose file last brought up successfully. */
const APPLIED_KEY = 'voting-app.applied-compose';
/** kv: the host ports opened for the vote and result services. */
const PORTS_KEY = 'voting-app.open-ports';
/** kv: the bundled `db` container's password, generated once per unit. */
const DB_PASSWORD_KEY = 'voting-app.db-password';
/** kv: the last status this charm set, restored after layer:basic's generic update-status report. */
const STATUS_KEY = 'voting-app.status';

type StatusKind = 'active' | 'blocked' | 'waiting' | 'maintenance';
interface SavedStatus {
  readonly kind: StatusKind;
  readonly message: string;
}

/** Compose project name of a unit: `voting-app/0` → `voting-app-0` (unique per unit on a host). */
export function projectOf(unitName: string): string {
  return unitName.replace(/[^a-zA-Z0-9_-]/g, '-').toLowerCase();
}

export class VotingApp extends Charm {
  /** Where the rendered compose file lives (the compose workspace). */
  get workspace(): string {
    return join(this.charmDir, 'files', 'voting-app');
  }

  /**
   * layer:basic reports a generic status on update-status (from the layers' status rules, e.g.
   * layer:docker's "Waiting for Docker daemon", else "ready"). While Docker is up, put back the
   * more useful message this charm last set. Runs after layer:basic's handler (layer order).
   */
  @hook('update-status')
  @when('docker.available')
  async restoreStatus(): Promise<void> {
    const saved = this.kv.get<{ kind: StatusKind; message: string }>(STATUS_KEY);
    if (saved !== undefined) await this.status[saved.kind](saved.message);
  }

  @hook(
    'install',
    'upgrade-charm',
    'config-changed',
    'redis-relation-{joined,changed,departed,broken}',
    'postgres-relation-{joined,changed,departed,broken}',
  )
  inputsChanged(): void {
    this.clearFlag(CONFIGURED);
  }

  @hook('{voting,results}-relation-{joined,changed}')
  publishHttp(): void {
    const settings = readSettings(this.config.all());
    if (!isSettingsProblem(settings)) this.configureHttp(settings);
  }

  /**
   * The unit is stopping (remove-unit, remove-application): take its compose project down,
   * containers and network, so nothing of it keeps running on the host. Volumes stay until
   * `remove`.
   */
  @hook('stop')
  async stop(): Promise<void> {
    this.setFlag(STOPPED);
    await this.report({ kind: 'maintenance', message: 'Stopping the voting app' });
    await this.compose().down();
    this.kv.unset(APPLIED_KEY);
  }

  /** The unit is going away: the project's volumes (the bundled database) and the workspace go too. */
  @hook('remove')
  async remove(): Promise<void> {
    this.setFlag(STOPPED);
    await this.compose().down({ volumes: true });
    rmSync(this.workspace, { recursive: true, force: true });
  }

  @when('docker.available')
  @whenNot(CONFIGURED, STOPPED)
  async converge(): Promise<void> {
    const settings = readSettings(this.config.all());
    if (isSettingsProblem(settings)) {
      this.log.warn({ option: settings.option }, settings.message);
      await this.report({ kind: 'blocked', message: settings.message });
      this.setFlag(CONFIGURED); // nothing to do until the config changes
      return;
    }
    const external = readExternalServices(this.endpoint<RedisRequires>('redis'), this.endpoint<PgsqlRequires>('postgres'));
    const formation = describeFormation(external);
    if (external.redis?.password !== undefined) this.markSecret(external.redis.password);
    if (external.postgres !== undefined) this.markSecret(external.postgres.password);

    await this.report({ kind: 'maintenance', message: `Rendering docker-compose.yml (${formation})` });
    const context = composeContext({ settings, redis: external.redis, postgres: external.postgres, bundledDbPassword: this.bundledDbPassword() });
    const { changed, path } = render({ source: 'docker-compose.yml', target: join(this.workspace, 'docker-compose.yml'), context, templatesDir: join(this.charmDir, 'templates') });
    const digest = createHash('sha256').update(readFileSync(path)).digest('hex');
    if (changed || this.kv.get<string>(APPLIED_KEY) !== digest) {
      await this.report({ kind: 'maintenance', message: `Starting ${servicesOf(external).join(', ')} (${formation})` });
      const actions = await this.compose().up();
      this.log.info({ actions: actions.map((a) => `${a.kind} ${'service' in a ? a.service : ''}`.trim()) }, 'compose up');
      this.kv.set(APPLIED_KEY, digest);
    }
    this.reconcilePorts(settings);
    this.configureHttp(settings);
    const ready = `Ready to vote on port ${settings.votePort}, results on port ${settings.resultPort} (${formation})`;
    if (external.waitingFor.length > 0) await this.report({ kind: 'waiting', message: `${ready}; waiting for ${external.waitingFor.join(' and ')}` });
    else await this.report({ kind: 'active', message: ready });
    this.setFlag(CONFIGURED);
  }

  /** The unit's compose project (`voting-app/0` → `voting-app-0`) in its workspace. */
  private compose() {
    return composeFor(this, this.workspace, { project: projectOf(this.hook.unitName) });
  }

  /** Set the workload status and remember it for {@link restoreStatus}. */
  private async report(status: SavedStatus): Promise<void> {
    await this.status[status.kind](status.message);
    this.kv.set(STATUS_KEY, { kind: status.kind, message: status.message });
  }

  /** Close the ports opened for a previous config, open the current ones. */
  private reconcilePorts(settings: Settings): void {
    const wanted = [settings.votePort, settings.resultPort];
    const previous = this.kv.get<number[]>(PORTS_KEY) ?? [];
    for (const port of previous) if (!wanted.includes(port)) this.ports.close(port);
    for (const port of wanted) this.ports.open(port);
    this.kv.set(PORTS_KEY, wanted);
  }

  /** Tell http consumers (proxies) where vote and result listen. */
  private configureHttp(settings: Settings): void {
    this.endpoint<HttpProvides>('voting').configure(settings.votePort);
    this.endpoint<HttpProvides>('results').configure(settings.resultPort);
  }

  private bundledDbPassword(): string {
    let password = this.kv.get<string>(DB_PASSWORD_KEY);
    if (password === undefined) {
      password = randomBytes(18).toString('base64url');
      this.kv.set(DB_PASSWORD_KEY, password);
    }
    return this.markSecret(password);
  }
}

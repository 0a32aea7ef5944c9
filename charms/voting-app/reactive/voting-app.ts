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
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Charm, hook, render, when, whenNot } from 'rxcharm';
import {
  isSettingsProblem,
  reconcileOpenedPorts,
  setWorkloadStatus,
  settingsOrBlocked,
  storedSecret,
  unitIsDying,
} from 'layer:basic';
import { applyComposeFile, composeFor, recordedPublishAddress, unitProjectName } from 'layer:docker';
import type { HttpProvides } from 'interface:http';
import type { PgsqlRequires } from 'interface:pgsql';
import type { RedisRequires } from 'interface:redis';
import { readExternalServices } from '../src/external-services';
import { composeContext, describeFormation, servicesOf } from '../src/formation';
import { readSettings, type Settings } from '../src/settings';

/** Flag: the running formation reflects the current inputs (or the config problem is reported). */
export const CONFIGURED = 'voting-app.configured';
/** Flag: the unit stops or is dying (see `unitIsDying`); nothing brings the project up again. */
export const STOPPED = 'voting-app.stopped';
/** kv: sha256 of the compose file last brought up successfully. */
const APPLIED_KEY = 'voting-app.applied-compose';
/** kv: the host ports opened for the vote and result services. */
const PORTS_KEY = 'voting-app.open-ports';
/** kv: the bundled `db` container's password, generated once per unit. */
const DB_PASSWORD_KEY = 'voting-app.db-password';

export class VotingApp extends Charm {
  /** Where the rendered compose file lives (the compose workspace). */
  get workspace(): string {
    return join(this.charmDir, 'files', 'voting-app');
  }

  @hook(
    'install',
    'upgrade-charm',
    'config-changed',
    'leader-elected',
    'leader-settings-changed',
    'redis-relation-{joined,changed}',
    'postgres-relation-{joined,changed}',
  )
  inputsChanged(): void {
    this.clearFlag(CONFIGURED);
  }

  /**
   * A redis or postgres relation going away brings the bundled container back, unless the unit
   * itself is going away: Juju breaks a dying unit's relations just before `stop`, and starting
   * (or pulling) a container there would only be torn down again.
   */
  @hook('redis-relation-{departed,broken}', 'postgres-relation-{departed,broken}')
  async serviceLeft(): Promise<void> {
    if (await unitIsDying(this)) this.setFlag(STOPPED);
    else this.clearFlag(CONFIGURED);
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
    await setWorkloadStatus(this, 'maintenance', 'Stopping the voting app');
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
    const settings = await settingsOrBlocked(this, readSettings);
    if (settings === undefined) {
      this.setFlag(CONFIGURED); // nothing to do until the config changes
      return;
    }
    const external = readExternalServices(
      this.endpoint<RedisRequires>('redis'),
      this.endpoint<PgsqlRequires>('postgres'),
    );
    const formation = describeFormation(external);
    if (external.redis?.password !== undefined) this.markSecret(external.redis.password);
    if (external.postgres !== undefined) this.markSecret(external.postgres.password);
    if ((external.redis === undefined || external.postgres === undefined) && !(await this.tools.isLeader())) {
      await this.standBy();
      return;
    }

    await setWorkloadStatus(this, 'maintenance', `Rendering docker-compose.yml (${formation})`);
    const context = composeContext({
      settings,
      redis: external.redis,
      postgres: external.postgres,
      bundledDbPassword: this.bundledDbPassword(),
    });
    const { changed, path } = render({
      source: 'docker-compose.yml',
      target: join(this.workspace, 'docker-compose.yml'),
      context,
      templatesDir: join(this.charmDir, 'templates'),
    });
    // A Docker fault (image not pullable, daemon lost) is reported as a status; CONFIGURED stays
    // clear, so the next hook tries again.
    const applied = await applyComposeFile(this, this.compose(), {
      file: path,
      changed,
      appliedKey: APPLIED_KEY,
      beforeUp: () =>
        setWorkloadStatus(this, 'maintenance', `Starting ${servicesOf(external).join(', ')} (${formation})`),
    });
    if (!applied.ok) return;
    reconcileOpenedPorts(this, PORTS_KEY, [settings.votePort, settings.resultPort]);
    this.configureHttp(settings);
    // The unit's address when layer:docker publishes on it (several units share a host), so the
    // operator sees where this unit's pages answer.
    const address = recordedPublishAddress(this);
    const at = address === undefined ? '' : ` at ${address}`;
    const ready = `Ready to vote on port ${settings.votePort}, results on port ${settings.resultPort}${at} (${formation})`;
    if (external.waitingFor.length > 0)
      await setWorkloadStatus(this, 'waiting', `${ready}; waiting for ${external.waitingFor.join(' and ')}`);
    else await setWorkloadStatus(this, 'active', ready);
    this.setFlag(CONFIGURED);
  }

  /**
   * A unit beyond the leader without both external services: a second bundled redis or db would
   * split the votes, so this unit runs nothing (its project goes down, volumes kept) and says how
   * to scale. Relating redis and postgresql, or becoming the leader, converges it again.
   */
  private async standBy(): Promise<void> {
    if (this.kv.get(APPLIED_KEY) !== undefined) {
      await this.compose().down();
      this.kv.unset(APPLIED_KEY);
    }
    reconcileOpenedPorts(this, PORTS_KEY, []);
    await setWorkloadStatus(
      this,
      'blocked',
      'Relate redis and postgresql to scale out: only the leader runs a bundled data tier',
    );
    this.setFlag(CONFIGURED);
  }

  /** The unit's compose project (`voting-app/0` → `voting-app-0`) in its workspace. */
  private compose() {
    return composeFor(this, this.workspace, { project: unitProjectName(this.hook.unitName) });
  }

  /** Tell http consumers (proxies) where vote and result listen. */
  private configureHttp(settings: Settings): void {
    this.endpoint<HttpProvides>('voting').configure(settings.votePort);
    this.endpoint<HttpProvides>('results').configure(settings.resultPort);
  }

  private bundledDbPassword(): string {
    return storedSecret(this, DB_PASSWORD_KEY);
  }
}

/**
 * The postgresql charm: one PostgreSQL container per unit (a one-service compose project named
 * after the unit, data in a named volume), and for every consumer relation on `db` a database and
 * a login role, published as the postgresql charm publishes them (interface pgsql).
 *
 * Flow: install / config-changed / upgrade-charm clear `postgresql.configured`; `converge`
 * validates the config, renders the compose file, brings the project up when the file changed,
 * waits until the server answers on the published address and accepts queries, then sets
 * `postgresql.ready`; `publish` prepares each consumer's role and database with psql inside the
 * container (only once per distinct request) and publishes the grant. A departed consumer unit
 * leaves `allowed-units` on the next publish; a broken relation has no bag any more. `stop` downs
 * the project; `remove` also deletes the data volume.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Charm, hook, render, when, whenNot } from 'rxcharm';
import {
  isSettingsProblem,
  newSecret,
  reconcileOpenedPorts,
  setWorkloadStatus,
  settingsOrBlocked,
  storedSecret,
} from 'layer:basic';
import { applyComposeFile, composeFor, unitProjectName } from 'layer:docker';
import type { PgsqlProvides } from 'interface:pgsql';
import { isRefused, planConsumer, preparedKey, type ConsumerPlan } from '../src/consumer-plan';
import { probePostgres, retryUntil } from '../src/pg-probe';
import { Psql } from '../src/psql';
import { scramVerifier } from '../src/scram';
import { readSettings } from '../src/settings';
import { databaseOwnerSql, databaseSteps, ensureRoleSql, extensionsSql, grantRolesSql } from '../src/sql';

/** Flag: the container reflects the current config (or the config problem is reported). */
export const CONFIGURED = 'postgresql.configured';
/** Flag: the server answers on the published address; consumers may be granted databases. */
export const READY = 'postgresql.ready';
/** Flag: the stop hook ran; nothing is started again. */
export const STOPPED = 'postgresql.stopped';

const ADMIN_PASSWORD_KEY = 'postgresql.admin-password';
const PASSWORDS_KEY = 'postgresql.passwords';
const PREPARED_KEY = 'postgresql.prepared';
const APPLIED_KEY = 'postgresql.applied-compose';
const ENDPOINT_KEY = 'postgresql.endpoint';
const PORTS_KEY = 'postgresql.open-port';

export class PostgresqlCharm extends Charm {
  /** The unit's compose workspace (holds the rendered docker-compose.yml). */
  get workspace(): string {
    return join(this.charmDir, 'workspace');
  }

  private compose() {
    return composeFor(this, this.workspace, { project: unitProjectName(this.hook.unitName) });
  }

  /** The superuser's password, generated on first use; marked secret so logs never show it. */
  private adminPassword(): string {
    return storedSecret(this, ADMIN_PASSWORD_KEY);
  }

  /** The login role's password, generated the first time the role is needed. */
  private userPassword(user: string): string {
    const passwords = { ...(this.kv.get<Record<string, string>>(PASSWORDS_KEY) ?? {}) };
    let password = passwords[user];
    if (password === undefined) {
      password = newSecret();
      passwords[user] = password;
      this.kv.set(PASSWORDS_KEY, passwords);
    }
    return this.markSecret(password);
  }

  @hook('install', 'config-changed', 'upgrade-charm')
  inputsChanged(): void {
    this.clearFlag(CONFIGURED);
  }

  @when('docker.available')
  @whenNot(CONFIGURED, STOPPED)
  async converge(): Promise<void> {
    const settings = await settingsOrBlocked(this, readSettings);
    if (settings === undefined) {
      this.setFlag(CONFIGURED); // nothing to do until the config changes
      return;
    }
    const host = await this.tools.unitGet('private-address');
    const target = join(this.workspace, 'docker-compose.yml');
    const context = { image: settings.image, port: settings.port, admin_password: this.adminPassword() };
    const { changed } = render({
      source: 'docker-compose.yml',
      target,
      context,
      templatesDir: join(this.charmDir, 'templates'),
    });
    // A fault (image not pullable, daemon lost) is reported as a status; compose pulls before
    // touching containers, so the old container, if any, keeps serving. CONFIGURED stays clear,
    // so the next hook tries again.
    const applied = await applyComposeFile(this, this.compose(), {
      file: target,
      changed,
      appliedKey: APPLIED_KEY,
      beforeUp: () =>
        setWorkloadStatus(this, 'maintenance', `Starting PostgreSQL (${settings.image}) on port ${settings.port}`),
    });
    if (!applied.ok) return;
    if (applied.upped) this.clearFlag(READY);
    reconcileOpenedPorts(this, PORTS_KEY, [settings.port]);
    await setWorkloadStatus(
      this,
      'maintenance',
      `Waiting for PostgreSQL to accept connections on ${host}:${settings.port}`,
    );
    const answering = await retryUntil(() => probePostgres(host, settings.port));
    const psql = answering ? await Psql.connect(this.compose()) : undefined;
    if (psql === undefined || !(await retryUntil(() => psql.ready(), { timeoutMs: 30_000 }))) {
      this.clearFlag(READY);
      await setWorkloadStatus(
        this,
        'waiting',
        `PostgreSQL is not accepting connections on ${host}:${settings.port} yet (retried on the next hook)`,
      );
      return; // CONFIGURED stays clear: the next hook tries again
    }
    this.kv.set(ENDPOINT_KEY, { host, port: settings.port });
    this.kv.unset(PREPARED_KEY); // a new container or config: prepare every consumer again
    this.setFlag(READY);
    this.setFlag(CONFIGURED);
    await setWorkloadStatus(this, 'active', `Ready on ${host}:${settings.port}`);
  }

  /**
   * Grant every consumer its database. Runs on every hook while ready and related: the SQL runs
   * only for requests not prepared yet, and relation bags only change when a value differs.
   */
  @when(READY, 'db.connected')
  async publish(): Promise<void> {
    const settings = readSettings(this.config.all());
    const address = this.kv.get<{ host: string; port: number }>(ENDPOINT_KEY);
    if (isSettingsProblem(settings) || address === undefined) return;
    const endpoint = this.endpoint<PgsqlProvides>('db');
    const prepared = new Set(this.kv.get<string[]>(PREPARED_KEY) ?? []);
    let psql: Psql | undefined;
    for (const consumer of endpoint.consumers()) {
      const plan = planConsumer(consumer, settings);
      if (isRefused(plan)) {
        this.log.warn({ relation: plan.relationId }, `not granting a database: ${plan.reason}`);
        continue;
      }
      const password = this.userPassword(plan.user);
      if (!prepared.has(preparedKey(plan))) {
        psql ??= await Psql.connect(this.compose());
        await this.prepare(psql, plan, password);
        prepared.add(preparedKey(plan));
        this.kv.set(PREPARED_KEY, [...prepared].sort());
      }
      endpoint.provideDatabase(plan.relationId, {
        host: address.host,
        port: address.port,
        database: plan.database,
        user: plan.user,
        password,
        allowedUnits: plan.units,
        roles: plan.roles,
        extensions: plan.extensions,
      });
    }
  }

  /** Role, database (owned by the role or shared with its owner), requested roles and extensions; all idempotent. */
  private async prepare(psql: Psql, plan: ConsumerPlan, password: string): Promise<void> {
    this.log.info({ relation: plan.relationId, database: plan.database, user: plan.user }, 'preparing database');
    await psql.run(ensureRoleSql(plan.user, scramVerifier(password)));
    const owner = await psql.run(databaseOwnerSql(plan.database));
    for (const sql of databaseSteps(plan.database, plan.user, owner)) await psql.run(sql);
    if (plan.roles.length > 0) await psql.run(grantRolesSql(plan.user, plan.roles));
    if (plan.extensions.length > 0) await psql.run(extensionsSql(plan.extensions), plan.database);
  }

  @hook('stop')
  async stop(): Promise<void> {
    this.setFlag(STOPPED);
    this.clearFlag(READY);
    await setWorkloadStatus(this, 'maintenance', 'Stopping PostgreSQL');
    await this.compose().down();
    this.kv.unset(APPLIED_KEY);
  }

  /** The unit is going away: its data volume and workspace go too. */
  @hook('remove')
  async remove(): Promise<void> {
    await this.compose().down({ volumes: true });
    rmSync(this.workspace, { recursive: true, force: true });
  }
}

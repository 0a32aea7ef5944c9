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
import { when, whenNot } from 'rxcharm';
import {
  isSettingsProblem,
  newSecret,
  reconcileOpenedPorts,
  retryUntil,
  setWorkloadStatus,
  settingsOrBlocked,
  storedSecret,
} from 'layer:basic';
import { UnitProject, UnitProjectCharm } from 'layer:docker';
import type { PgsqlProvides } from 'interface:pgsql';
import { isRefused, planConsumer, preparedKey, type ConsumerPlan } from '../src/consumer-plan';
import { hbaLines, withGrantBlock, type HbaGrant } from '../src/pg-hba';
import { probePostgres } from '../src/pg-probe';
import { Psql } from '../src/psql';
import { PsqlError } from '../src/psql-error';
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
const HBA_KEY = 'postgresql.hba-lines';
const VERSION_KEY = 'postgresql.version';

export class PostgresqlCharm extends UnitProjectCharm {
  protected readonly flags = { configured: CONFIGURED, stopped: STOPPED, ready: READY };
  protected readonly project = new UnitProject(this, { workload: 'PostgreSQL', appliedKey: APPLIED_KEY });

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

  @when('docker.available')
  @whenNot(CONFIGURED, STOPPED)
  async converge(): Promise<void> {
    const settings = await settingsOrBlocked(this, readSettings);
    if (settings === undefined) return this.setFlag(CONFIGURED); // nothing to do until the config changes
    const host = await this.tools.unitGet('private-address');
    const context = { image: settings.image, port: settings.port, admin_password: this.adminPassword() };
    const applied = await this.project.apply(context, settings);
    if (!applied.ok) return; // reported as a status; CONFIGURED stays clear, the next hook retries
    if (applied.upped) this.clearFlag(READY);
    reconcileOpenedPorts(this, PORTS_KEY, [settings.port]);
    await setWorkloadStatus(
      this,
      'maintenance',
      `Waiting for PostgreSQL to accept connections on ${host}:${settings.port}`,
    );
    const answering = await retryUntil(() => probePostgres(host, settings.port));
    const psql = answering ? await Psql.connect(this.project.compose()) : undefined;
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
    this.kv.set(VERSION_KEY, (await psql.run('SHOW server_version;')).split(/\s+/)[0] ?? '');
    this.kv.unset(PREPARED_KEY); // a new container or config: prepare every consumer again
    this.kv.unset(HBA_KEY); // a new container has the image's pg_hba.conf
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
    const plans: ConsumerPlan[] = [];
    for (const consumer of endpoint.consumers()) {
      const plan = planConsumer(consumer, settings);
      if (isRefused(plan)) {
        this.log.warn({ relation: plan.relationId }, `not granting a database: ${plan.reason}`);
        continue;
      }
      const password = this.userPassword(plan.user);
      if (!prepared.has(preparedKey(plan))) {
        psql ??= await Psql.connect(this.project.compose());
        await this.prepare(psql, plan, password);
        prepared.add(preparedKey(plan));
        this.kv.set(PREPARED_KEY, [...prepared].sort());
      }
      plans.push(plan);
    }
    // Access first, then the news: a client that sees its subnet in allowed-subnets can connect.
    await this.grantAccess(plans);
    const version = this.kv.get<string>(VERSION_KEY);
    for (const plan of plans) {
      endpoint.provideDatabase(plan.relationId, {
        host: address.host,
        port: address.port,
        database: plan.database,
        user: plan.user,
        password: this.userPassword(plan.user),
        allowedUnits: plan.units,
        allowedSubnets: plan.subnets,
        mirror: plan.mirror,
        ...(version ? { version } : {}),
      });
    }
  }

  /** The last consumer left: its pg_hba rules go with it. */
  @when(READY)
  @whenNot('db.connected')
  async revokeAccess(): Promise<void> {
    await this.grantAccess([]);
  }

  /**
   * Rewrites the charm's pg_hba block to the consumers' granted subnets and reloads the server;
   * only when the rules changed. The image's own rules stay after the block: under the local
   * agent a client's connection reaches the container from Docker's gateway, not from its
   * egress subnet, and only those broader rules admit it.
   */
  private async grantAccess(plans: readonly HbaGrant[]): Promise<void> {
    const lines = hbaLines(plans);
    const previous = this.kv.get<string[]>(HBA_KEY) ?? [];
    if (JSON.stringify(previous) === JSON.stringify(lines)) return;
    const psql = await Psql.connect(this.project.compose());
    const path = await psql.run('SHOW hba_file;');
    const current = await psql.run("SELECT pg_catalog.pg_read_file(pg_catalog.current_setting('hba_file'));");
    const next = `${withGrantBlock(current, lines).replace(/\n*$/, '')}\n`;
    await psql.writeFile(path, next);
    const errors = await psql.run('SELECT count(*) FROM pg_catalog.pg_hba_file_rules WHERE error IS NOT NULL;');
    if (errors !== '0') {
      await psql.writeFile(path, `${current.replace(/\n*$/, '')}\n`);
      throw new PsqlError(`pg_hba.conf rejected the consumer rules (${errors} bad lines); the previous file is back`, {
        sql: 'SELECT count(*) FROM pg_catalog.pg_hba_file_rules WHERE error IS NOT NULL;',
      });
    }
    await psql.run('SELECT pg_catalog.pg_reload_conf();');
    this.log.info({ rules: lines.length }, 'pg_hba consumer rules updated');
    this.kv.set(HBA_KEY, lines);
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
}

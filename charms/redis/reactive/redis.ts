/**
 * The redis charm: one Redis container per unit (a one-service compose project named after the
 * unit), a password generated once and kept in the unit's kv store (unless config `auth` is
 * false), and the connection details published on every `db` relation (interface redis).
 *
 * Flow: install / config-changed / upgrade-charm clear `redis.configured`; `converge` validates the
 * config, renders the compose file, brings the project up when the file changed, waits until Redis
 * answers AUTH + PING on the published address and sets `redis.ready`; `publish` then writes host,
 * port and password to every consumer (a relation bag only changes when a value does). `stop`
 * downs the project; `remove` also deletes its data volume.
 */
import { when, whenNot } from 'rxcharm';
import { reconcileOpenedPorts, setWorkloadStatus, settingsOrBlocked, storedSecret } from 'layer:basic';
import { UnitProject, UnitProjectCharm } from 'layer:docker';
import type { RedisProvides } from 'interface:redis';
import { waitForRedis } from '../src/redis-probe';
import { readSettings } from '../src/settings';

/** Flag: the container reflects the current config (or the config problem is reported). */
export const CONFIGURED = 'redis.configured';
/** Flag: Redis answers on the published address; consumers may be told about it. */
export const READY = 'redis.ready';
/** Flag: the stop hook ran; nothing is started again. */
export const STOPPED = 'redis.stopped';

const PASSWORD_KEY = 'redis.password';
const APPLIED_KEY = 'redis.applied-compose';
const ENDPOINT_KEY = 'redis.endpoint';
const PORTS_KEY = 'redis.open-port';
/** Where Redis answers (kv), as published to consumers. */
type PublishedEndpoint = { host: string; port: number; auth?: boolean };

export class RedisCharm extends UnitProjectCharm {
  protected readonly flags = { configured: CONFIGURED, stopped: STOPPED, ready: READY };
  protected readonly project = new UnitProject(this, { workload: 'Redis', appliedKey: APPLIED_KEY });

  /** The password, generated on first use; marked secret so logs never show it. */
  private password(): string {
    return storedSecret(this, PASSWORD_KEY);
  }

  @when('docker.available')
  @whenNot(CONFIGURED, STOPPED)
  async converge(): Promise<void> {
    const settings = await settingsOrBlocked(this, readSettings);
    if (settings === undefined) return this.setFlag(CONFIGURED); // nothing to do until the config changes
    const password = settings.auth ? this.password() : undefined;
    const host = await this.tools.unitGet('private-address');
    const context = { image: settings.image, port: settings.port, password: password ?? '', auth: settings.auth };
    const applied = await this.project.apply(context, settings);
    if (!applied.ok) return; // reported as a status; CONFIGURED stays clear, the next hook retries
    if (applied.upped) this.clearFlag(READY);
    reconcileOpenedPorts(this, PORTS_KEY, [settings.port]);
    await setWorkloadStatus(this, 'maintenance', `Waiting for Redis to answer on ${host}:${settings.port}`);
    if (!(await waitForRedis(host, settings.port, password))) {
      this.clearFlag(READY);
      await setWorkloadStatus(
        this,
        'waiting',
        `Redis is not answering on ${host}:${settings.port} yet (retried on the next hook)`,
      );
      return; // CONFIGURED stays clear: the next hook tries again
    }
    this.kv.set(ENDPOINT_KEY, { host, port: settings.port, auth: settings.auth });
    this.setFlag(READY);
    this.setFlag(CONFIGURED);
    await setWorkloadStatus(
      this,
      'active',
      settings.auth
        ? `Ready on ${host}:${settings.port}`
        : `Ready on ${host}:${settings.port}; auth is off (config auth=false): isolated networks only`,
    );
  }

  /**
   * Tell every consumer where Redis is: at the relation's own ingress address (`network-get db
   * -r <id>`, so a cross-model or multi-space relation gets the address its consumer can reach),
   * with the password unless auth is off. Runs on every hook while ready and related; the
   * relation bags only change (and wake the consumers) when a value differs. A departed relation
   * has no bag any more, so nothing is published to it.
   */
  @when(READY, 'db.connected')
  async publish(): Promise<void> {
    const published = this.kv.get<PublishedEndpoint>(ENDPOINT_KEY);
    if (published === undefined) return;
    const endpoint = this.endpoint<RedisProvides>('db');
    for (const relation of endpoint.relations) {
      const network = await this.tools.networkGet('db', { relationId: relation.relationId });
      endpoint.configure(
        {
          host: network['ingress-addresses'][0] ?? published.host,
          port: published.port,
          ...(published.auth === false ? {} : { password: this.password() }),
        },
        relation.relationId,
      );
    }
  }
}

import { Endpoint, when, whenNot } from 'rxcharm';
import { redisUri } from './redis-data';

/** What a redis provider publishes. */
export interface RedisConfiguration {
  readonly host: string;
  readonly port: number;
  /** Omit (or `''`) when Redis needs no AUTH. */
  readonly password?: string;
}

/**
 * The provider side of `interface: redis`.
 *
 * Flags: `{endpoint_name}.connected` while a consumer unit is joined.
 * Values are published as plain strings (`host`, `hostname`, `port`, `password`, `uri`), which
 * both rxcharm consumers and the 2016 Python consumers read.
 */
export class RedisProvides extends Endpoint {
  @when('endpoint.{endpoint_name}.joined')
  @whenNot('{endpoint_name}.connected')
  onJoined(): void {
    this.setFlag('{endpoint_name}.connected');
  }

  @whenNot('endpoint.{endpoint_name}.joined')
  @when('{endpoint_name}.connected')
  onGone(): void {
    this.clearFlag('{endpoint_name}.connected');
  }

  /**
   * Publish the connection details on every relation of this endpoint, or only on `relationId`
   * (a charm that publishes each relation's own ingress address calls it once per relation).
   * @throws RangeError for a port outside 1-65535 or an unknown relation id
   */
  configure(config: RedisConfiguration, relationId?: string): void {
    if (!Number.isInteger(config.port) || config.port < 1 || config.port > 65535) {
      throw new RangeError(`redis configure: port must be 1-65535, got ${config.port}`);
    }
    const password = config.password === '' ? undefined : config.password;
    const relations =
      relationId === undefined ? this.relations : this.relations.filter((r) => r.relationId === relationId);
    if (relationId !== undefined && relations.length === 0)
      throw new RangeError(`redis configure: no relation ${relationId} on endpoint ${this.endpointName}`);
    for (const relation of relations) {
      const bag = relation.toPublish;
      bag.setRaw('host', config.host);
      bag.setRaw('hostname', config.host);
      bag.setRaw('port', String(config.port));
      if (password === undefined) bag.delete('password');
      else bag.setRaw('password', password);
      bag.setRaw('uri', redisUri(config.host, config.port, password));
    }
  }
}

import { Endpoint, when, whenNot } from 'rxcharm';

/**
 * The provider side of `interface: http` (a web application).
 *
 * Flag: `{endpoint_name}.available` while a consumer is joined: call {@link HttpProvides.configure}.
 */
export class HttpProvides extends Endpoint {
  @when('endpoint.{endpoint_name}.joined')
  @whenNot('{endpoint_name}.available')
  onJoined(): void {
    this.setFlag('{endpoint_name}.available');
  }

  @whenNot('endpoint.{endpoint_name}.joined')
  @when('{endpoint_name}.available')
  onGone(): void {
    this.clearFlag('{endpoint_name}.available');
  }

  /**
   * Publish `port` and `hostname` (plain strings) on every relation. `hostname` defaults, per
   * relation, to this unit's `ingress-address` (else `private-address`) on that relation.
   */
  configure(port: number, hostname?: string): void {
    if (!Number.isInteger(port) || port < 1 || port > 65535)
      throw new RangeError(`http configure: port must be 1-65535, got ${port}`);
    for (const relation of this.relations) {
      const bag = relation.toPublish;
      const host = hostname ?? bag.raw('ingress-address') ?? bag.raw('private-address');
      bag.setRaw('port', String(port));
      if (host === undefined) bag.delete('hostname');
      else bag.setRaw('hostname', host);
    }
  }
}

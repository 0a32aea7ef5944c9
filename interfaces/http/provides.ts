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
   * Publish `port`, `hostname` and `private-address` (plain strings, as the ecosystem's http
   * interface does) on every relation. `hostname` and `private-address` default, per relation,
   * to this unit's `ingress-address` (else `private-address`) on that relation.
   */
  configure(port: number, hostname?: string, privateAddress?: string): void {
    this.configureAddresses([
      {
        port,
        ...(hostname !== undefined ? { hostname } : {}),
        ...(privateAddress !== undefined ? { privateAddress } : {}),
      },
    ]);
  }

  /**
   * Publish several addresses this unit serves on: the first as `hostname` / `private-address` /
   * `port`, the others as JSON `extended_data` (a list of `{hostname, private-address, port}`), which
   * the ecosystem's http consumers merge into their host lists. A missing `hostname` defaults per
   * relation as in {@link HttpProvides.configure}.
   *
   * @throws RangeError when there is no address or a port is not 1-65535.
   */
  configureAddresses(addresses: readonly HttpAddress[]): void {
    if (addresses.length === 0) throw new RangeError('http configureAddresses: give at least one address');
    for (const a of addresses) {
      if (!Number.isInteger(a.port) || a.port < 1 || a.port > 65535)
        throw new RangeError(`http configure: port must be 1-65535, got ${a.port}`);
    }
    const [first, ...rest] = addresses as [HttpAddress, ...HttpAddress[]];
    for (const relation of this.relations) {
      const bag = relation.toPublish;
      const ingress = bag.raw('ingress-address') ?? bag.raw('private-address');
      const host = first.hostname ?? ingress;
      bag.setRaw('port', String(first.port));
      if (host === undefined) bag.delete('hostname');
      else bag.setRaw('hostname', host);
      const privateAddress = first.privateAddress ?? ingress;
      if (privateAddress !== undefined) bag.setRaw('private-address', privateAddress);
      if (rest.length === 0) bag.delete('extended_data');
      else
        bag.setRaw(
          'extended_data',
          JSON.stringify(
            rest.map((a) => ({
              hostname: a.hostname ?? ingress ?? null,
              'private-address': a.privateAddress ?? ingress ?? null,
              port: String(a.port),
            })),
          ),
        );
    }
  }
}

/** One address an http provider serves on. */
export interface HttpAddress {
  readonly port: number;
  readonly hostname?: string;
  readonly privateAddress?: string;
}

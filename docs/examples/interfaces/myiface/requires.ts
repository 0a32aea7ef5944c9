import { Endpoint, when, whenAny, whenNot } from 'rxcharm';

export class MyRequires extends Endpoint {
  // React to data changes (and departures): recompute the interface's own flags.
  @whenAny('endpoint.{endpoint_name}.changed', 'endpoint.{endpoint_name}.departed')
  onDataChanged(): void { this.updateFlags(this.ports()); }

  // First hook after the flags were lost (or an upgrade): compute them once.
  @when('endpoint.{endpoint_name}.joined') @whenNot('{endpoint_name}.connected')
  onJoined(): void { this.updateFlags(this.ports()); }

  // Last unit gone (-broken, or -departed of the last unit): clear everything.
  @whenNot('endpoint.{endpoint_name}.joined')
  @whenAny('{endpoint_name}.connected', '{endpoint_name}.available')
  onGone(): void { this.clearFlag('{endpoint_name}.connected'); this.clearFlag('{endpoint_name}.available'); }

  /** The usable ports the joined units published, one per unit; bad data is skipped, never thrown. */
  ports(): number[] {
    return this.joinedUnits
      .map((unit) => Number(unit.received.raw('port')))
      .filter((port) => Number.isInteger(port) && port > 0 && port < 65536);
  }

  private updateFlags(ports: number[]): void {
    this.toggleFlag('{endpoint_name}.connected', this.isJoined);
    this.toggleFlag('{endpoint_name}.available', ports.length > 0);
  }
}

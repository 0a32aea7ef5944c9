import { Endpoint, reportDataProblems, when, whenAny, whenNot, type DataProblem } from 'rxcharm';
import { readHttpServices, type HttpReading, type HttpService } from './http-data';

/**
 * The consumer side of `interface: http` (a proxy, a load balancer, a monitor...).
 *
 * Flag: `{endpoint_name}.available` while some joined unit published a usable port.
 */
export class HttpRequires extends Endpoint {
  @whenAny('endpoint.{endpoint_name}.changed', 'endpoint.{endpoint_name}.departed')
  onDataChanged(): void {
    const reading = this.reading();
    reportDataProblems('http', this.endpointName, reading.problems);
    this.toggleFlag('{endpoint_name}.available', this.isJoined && reading.services.length > 0);
  }

  @whenNot('endpoint.{endpoint_name}.joined')
  @when('{endpoint_name}.available')
  onGone(): void {
    this.clearFlag('{endpoint_name}.available');
  }

  /** `[{ serviceName, hosts: [{ unit, hostname, port, privateAddress? }] }]`, grouped by application. */
  services(): HttpService[] {
    return this.reading().services.map((s) => ({ serviceName: s.serviceName, hosts: s.hosts.map((h) => ({ ...h })) }));
  }

  /** The joined units whose data cannot be used (no port, a bad port or host name), and why. */
  problems(): DataProblem[] {
    return this.reading().problems.map((p) => ({ ...p }));
  }

  private reading(): HttpReading {
    return readHttpServices(this.remoteUnitData());
  }
}

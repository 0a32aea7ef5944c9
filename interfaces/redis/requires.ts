import { Endpoint, reportDataProblems, when, whenAny, whenNot } from 'rxcharm';
import { readRedisUnits, type RedisConnection, type RedisReading } from './redis-data';

/**
 * The consumer side of `interface: redis`.
 *
 * Flags: `{endpoint_name}.connected` while a redis unit is joined; `{endpoint_name}.available`
 * while at least one joined unit published a usable host and port.
 */
export class RedisRequires extends Endpoint {
  @whenAny('endpoint.{endpoint_name}.changed', 'endpoint.{endpoint_name}.departed')
  onDataChanged(): void {
    const reading = this.reading();
    reportDataProblems('redis', this.endpointName, reading.problems);
    this.updateFlags(reading);
  }

  @when('endpoint.{endpoint_name}.joined')
  @whenNot('{endpoint_name}.connected')
  onJoined(): void {
    this.updateFlags(this.reading());
  }

  @whenNot('endpoint.{endpoint_name}.joined')
  @whenAny('{endpoint_name}.connected', '{endpoint_name}.available')
  onGone(): void {
    this.clearFlag('{endpoint_name}.connected');
    this.clearFlag('{endpoint_name}.available');
  }

  /** One fresh `{host, port, password?, uri, unit}` per joined unit with usable data. */
  redisData(): RedisConnection[] {
    return this.reading().connections.map((c) => ({ ...c }));
  }

  private reading(): RedisReading {
    return readRedisUnits(this.remoteUnitData());
  }

  private updateFlags(reading: RedisReading): void {
    this.toggleFlag('{endpoint_name}.connected', this.isJoined);
    this.toggleFlag('{endpoint_name}.available', this.isJoined && reading.connections.length > 0);
  }
}

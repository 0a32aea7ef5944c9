import { connectedEndpoint } from 'rxcharm';
import { readRedisUnits, type RedisConnection, type RedisReading } from './redis-data';

/** The data flag: set while joined and some unit published a usable host and port. */
const AVAILABLE = '{endpoint_name}.available';

/**
 * The consumer side of `interface: redis`.
 *
 * Flags: `{endpoint_name}.connected` while a redis unit is joined; `{endpoint_name}.available`
 * while at least one joined unit published a usable host and port.
 */
export class RedisRequires extends connectedEndpoint<RedisReading>('redis', AVAILABLE) {
  /** One fresh `{host, port, password?, uri, unit}` per joined unit with usable data. */
  redisData(): RedisConnection[] {
    return this.reading().connections.map((c) => ({ ...c }));
  }

  override reading(): RedisReading {
    return readRedisUnits(this.remoteUnitData());
  }

  override updateFlags(reading: RedisReading): void {
    this.toggleFlag('{endpoint_name}.connected', this.isJoined);
    this.toggleFlag(AVAILABLE, this.isJoined && reading.connections.length > 0);
  }
}

import { Endpoint, type DataProblem, type EndpointInit } from '../endpoints';
import { when, whenAny, whenNot } from '../reactive';
import { reportDataProblems } from './report-data-problems';

/** What a {@link connectedEndpoint} reads from its remote units: at least why some data was not used. */
export interface EndpointReading {
  readonly problems: readonly DataProblem[];
}

/** The handlers a {@link connectedEndpoint} declares, and the two methods its subclass writes. */
export interface ConnectedEndpoint<R extends EndpointReading> extends Endpoint {
  /** Relation data changed or a unit departed: reports the reading's problems, then updates the flags. */
  onDataChanged(): void;
  /** A unit joined and the endpoint is not connected yet: updates the flags. */
  onJoined(): void;
  /** No unit is joined any more: clears `{endpoint_name}.connected` and the data flag. */
  onGone(): void;
  /** The remote units' data as the interface reads it (a pure reader over `remoteUnitData()`). */
  reading(): R;
  /** Sets `{endpoint_name}.connected` and the data flag from `reading` (toggled: both follow the data). */
  updateFlags(reading: R): void;
}

/**
 * The base class of a consumer role whose flags follow its relations: `{endpoint_name}.connected`
 * while a provider unit is joined, and `dataFlag` (`{endpoint_name}.available`, ...) while one
 * also published usable data. The subclass says how to read the data (`reading()`) and which
 * flags it sets from a reading (`updateFlags(reading)`, written with the flag names so `rxcharm
 * graph` shows them); the three handlers that call them are declared here once, with the ids of
 * the subclass (`interface:redis:requires:RedisRequires.onJoined#db`). Problems in the data are
 * logged with {@link reportDataProblems} under `iface`, once per change.
 *
 * @example
 * ```ts
 * export class RedisRequires extends connectedEndpoint<RedisReading>('redis', '{endpoint_name}.available') {
 *   reading(): RedisReading {
 *     return readRedisUnits(this.remoteUnitData());
 *   }
 *   updateFlags(reading: RedisReading): void {
 *     this.toggleFlag('{endpoint_name}.connected', this.isJoined);
 *     this.toggleFlag('{endpoint_name}.available', this.isJoined && reading.connections.length > 0);
 *   }
 * }
 * ```
 */
export function connectedEndpoint<R extends EndpointReading>(
  iface: string,
  dataFlag: string,
): abstract new (init: EndpointInit) => ConnectedEndpoint<R> {
  abstract class ConnectedEndpointBase extends Endpoint implements ConnectedEndpoint<R> {
    @whenAny('endpoint.{endpoint_name}.changed', 'endpoint.{endpoint_name}.departed')
    onDataChanged(): void {
      const reading = this.reading();
      reportDataProblems(iface, this.endpointName, reading.problems);
      this.updateFlags(reading);
    }

    @when('endpoint.{endpoint_name}.joined')
    @whenNot('{endpoint_name}.connected')
    onJoined(): void {
      this.updateFlags(this.reading());
    }

    @whenNot('endpoint.{endpoint_name}.joined')
    @whenAny('{endpoint_name}.connected', dataFlag)
    onGone(): void {
      this.clearFlag('{endpoint_name}.connected');
      this.clearFlag(dataFlag);
    }

    abstract reading(): R;
    abstract updateFlags(reading: R): void;
  }
  return ConnectedEndpointBase;
}

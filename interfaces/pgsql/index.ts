/**
 * `interface:pgsql`: PostgreSQL databases from a postgresql provider to its clients.
 *
 * - requires ({@link PgsqlRequires}): flags `{endpoint_name}.connected`,
 *   `{endpoint_name}.database.available`; `master` (a {@link ConnectionString}) and
 *   `host()/port()/user()/password()/database()`; requests `setDatabase`, `setRoles`, `setExtensions`.
 * - provides ({@link PgsqlProvides}): flags `{endpoint_name}.connected`,
 *   `{endpoint_name}.database.requested`; `consumers()`, `provideDatabase(relationId, grant)`.
 *
 * See docs/interfaces.md for the wire format (that of the postgresql charm).
 */
export { PgsqlRequires } from './requires';
export { PgsqlProvides } from './provides';
export type { PgsqlConsumer } from './provides';
export { ConnectionString, parseConnectionString } from './connection-string';
export type { ConnectionFields } from './connection-string';
export { readPgsqlUnits, readPgsqlUnit, joinList, splitList } from './pgsql-data';
export type { PgsqlReading, PgsqlRequest } from './pgsql-data';
export { grantBag, parseExtension, readConsumerRequest } from './provider-data';
export type { ConsumerRequest, DatabaseGrant } from './provider-data';

import { PgsqlProvides } from './provides';
import { PgsqlRequires } from './requires';

/** The role classes the runtime instantiates per endpoint. */
export const requires = PgsqlRequires;
export const provides = PgsqlProvides;

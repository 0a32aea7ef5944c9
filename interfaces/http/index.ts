/**
 * `interface:http`: a web service's address from a provider to its consumers.
 *
 * - requires ({@link HttpRequires}): flag `{endpoint_name}.available`; `services()` grouped by application.
 * - provides ({@link HttpProvides}): flag `{endpoint_name}.available`; `configure(port, hostname?)`.
 */
export { HttpRequires } from './requires';
export { HttpProvides } from './provides';
export type { HttpAddress } from './provides';
export { readHttpServices } from './http-data';
export type { HttpHost, HttpReading, HttpService } from './http-data';

import { HttpProvides } from './provides';
import { HttpRequires } from './requires';

/** The role classes the runtime instantiates per endpoint. */
export const requires = HttpRequires;
export const provides = HttpProvides;

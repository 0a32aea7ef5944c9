/**
 * Shared set-up of the voting-app's harness tests: one context on the charm, a unit whose
 * bundled-db password is fixed (so rendered files are comparable), relation fixtures, and
 * readers of the rendered compose file.
 */
import { join } from 'node:path';
import { parse } from 'yaml';
import { Context, type RelationInput, type RunOutput, type State, type StateInput } from 'rxcharm/testing';

export const COMPOSE_FILE = 'files/voting-app/docker-compose.yml';
export const DB_PASSWORD = 'bundled-db-secret';

/** A context on the charm directory (one bundle for the whole test file). */
export function votingAppContext(): Context {
  return new Context(join(__dirname, '..'));
}

/** A fresh unit, the leader: the bundled db password is known. */
export const FRESH: StateInput = { leader: true, kv: { 'voting-app.db-password': DB_PASSWORD } };

export const REDIS_DATA = { host: '10.0.0.7', port: '6380' };
export const PG_DATA = { host: '10.0.0.9', port: '5433', database: 'votes', user: 'voter', password: 'pg-secret' };

export function redisRelation(
  units: Record<string, Record<string, string>> = { 'redis/0': REDIS_DATA },
): RelationInput {
  return { endpoint: 'redis', id: 1, remoteApp: 'redis', remoteUnits: units };
}

export function postgresRelation(
  units: Record<string, Record<string, string>> = { 'postgresql/0': PG_DATA },
): RelationInput {
  return { endpoint: 'postgres', id: 2, remoteApp: 'postgresql', remoteUnits: units };
}

/** A compose service as the test reads it. */
export interface ServiceView {
  readonly image: string;
  readonly ports?: string[];
  readonly environment?: Record<string, string>;
}

/** The rendered compose file of a state, parsed. */
export function composeOf(s: State): { services: Record<string, ServiceView> } {
  const text = s.files[COMPOSE_FILE];
  if (text === undefined) throw new Error(`${COMPOSE_FILE} was not rendered`);
  return parse(text) as { services: Record<string, ServiceView> };
}

/** Service names in the rendered compose file, sorted. */
export function servicesOf(s: State): string[] {
  return Object.keys(composeOf(s).services).sort();
}

/** Names of the running containers in the simulated daemon, by service, sorted. */
export function runningServices(s: State): string[] {
  return s.docker.containers
    .filter((c) => c.state === 'running')
    .map((c) => c.labels['com.docker.compose.service'] ?? '?')
    .sort();
}

/** `method service` for each Docker action on a container, e.g. `createContainer redis`. */
export function containerActions(out: RunOutput): string[] {
  return out.dockerActions
    .filter((a) => a.method.endsWith('Container'))
    .map((a) => `${a.method} ${a.target.replace(/^voting-app-0_/, '').replace(/_\d+$/, '')}`);
}

/** The services whose containers were created (new or recreated) by a run, sorted. */
export function createdServices(out: RunOutput): string[] {
  return containerActions(out)
    .filter((a) => a.startsWith('createContainer '))
    .map((a) => a.slice('createContainer '.length))
    .sort();
}

/** The services whose containers were removed by a run, sorted. */
export function removedServices(out: RunOutput): string[] {
  return containerActions(out)
    .filter((a) => a.startsWith('removeContainer '))
    .map((a) => a.slice('removeContainer '.length))
    .sort();
}

/**
 * The real templates/docker-compose.yml, rendered for each formation, and fuzzed with hostile
 * relation values: the document keeps exactly the expected services and keys, values round-trip.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { renderString } from 'rxcharm';
import { parseCompose } from 'rxcharm/compose';
import { composeContext, servicesOf, type PostgresTarget, type RedisTarget } from './formation';
import type { Settings } from './settings';

const TEMPLATE = fs.readFileSync(path.join(__dirname, '..', 'templates', 'docker-compose.yml'), 'utf8');

const settings: Settings = {
  images: { vote: 'v:1', worker: 'w:1', result: 'r:1', redis: 'redis:alpine', postgres: 'postgres:15-alpine' },
  votePort: 5000,
  resultPort: 5001,
};

interface Compose {
  version: string;
  services: Record<
    string,
    {
      image: string;
      init: boolean;
      restart: string;
      ports?: string[];
      environment?: Record<string, string>;
      volumes?: string[];
    }
  >;
  volumes: Record<string, object>;
}

function renderText(redis?: RedisTarget, postgres?: PostgresTarget): string {
  return renderString(TEMPLATE, composeContext({ settings, redis, postgres, bundledDbPassword: 'dbpw' }), {
    name: 'docker-compose.yml',
    format: 'compose',
  });
}

/** The YAML document, with compose's `$$` unescaped (what the compose engine will see). */
function renderCompose(redis?: RedisTarget, postgres?: PostgresTarget): Compose {
  const doc = parse(renderText(redis, postgres)) as Compose;
  for (const service of Object.values(doc.services)) {
    for (const [k, v] of Object.entries(service.environment ?? {})) service.environment![k] = v.replace(/\$\$/g, '$');
  }
  return doc;
}

function expected(redis?: RedisTarget, postgres?: PostgresTarget): Compose {
  const redisEnv: Record<string, string> = redis
    ? {
        REDIS_HOST: redis.host,
        REDIS_PORT: String(redis.port),
        ...(redis.password ? { REDIS_PASSWORD: redis.password } : {}),
      }
    : { REDIS_HOST: 'redis', REDIS_PORT: '6379' };
  const pgEnv = postgres
    ? {
        PG_HOST: postgres.host,
        PG_PORT: String(postgres.port),
        PG_USER: postgres.user,
        PG_PASS: postgres.password,
        PG_DB: postgres.database,
      }
    : { PG_HOST: 'db', PG_PORT: '5432', PG_USER: 'postgres', PG_PASS: 'dbpw', PG_DB: 'postgres' };
  const base = { init: true, restart: 'unless-stopped' };
  const services: Compose['services'] = {
    vote: { image: 'v:1', ...base, ports: ['5000:80'], environment: redisEnv },
    worker: { image: 'w:1', ...base, environment: { ...redisEnv, ...pgEnv } },
    result: { image: 'r:1', ...base, ports: ['5001:80'], environment: pgEnv },
  };
  if (!redis) services.redis = { image: 'redis:alpine', ...base, volumes: ['redis-data:/data'] };
  if (!postgres) {
    services.db = {
      image: 'postgres:15-alpine',
      ...base,
      environment: { POSTGRES_USER: 'postgres', POSTGRES_PASSWORD: 'dbpw', POSTGRES_DB: 'postgres' },
      volumes: ['db-data:/var/lib/postgresql/data'],
    };
  }
  // Declared in every formation: an external service's data waits for the bundled one to come back.
  return { version: '2.4', services, volumes: { 'redis-data': {}, 'db-data': {} } };
}

const redis: RedisTarget = { host: '10.0.0.7', port: 6380, password: 'r-pw' };
const postgres: PostgresTarget = { host: '10.0.0.8', port: 5433, user: 'u', password: 'p', database: 'votes' };

describe('voting-app compose template', () => {
  it.each([
    ['standalone', undefined, undefined],
    ['external redis', redis, undefined],
    ['external postgres', undefined, postgres],
    ['both external', redis, postgres],
    ['redis without password', { host: 'r', port: 6379 }, undefined],
  ])('renders the %s formation', (_name, r, p) => {
    const doc = renderCompose(r, p);
    expect(doc).toEqual(expected(r, p));
    expect(Object.keys(doc.services).sort()).toEqual(servicesOf({ redis: r, postgres: p }).sort());
  });

  it('keeps its shape whatever the relation data holds (fuzz)', () => {
    const hostile = fc
      .array(
        fc.oneof(
          fc.constantFrom(
            '$',
            '${HOME}',
            '$$',
            '"',
            "'",
            ': ',
            '#',
            '\n',
            '\n  evil:\n    image: x',
            '- ',
            '*a',
            '&a',
            '!!str',
            '{',
            '[',
            '%',
            '@',
            '`',
            '|',
            '>',
            '\t',
            '\u2028',
            'true',
            'null',
            '~',
            '1',
            '',
          ),
          fc.string({ unit: 'binary', maxLength: 5 }),
        ),
        { minLength: 1, maxLength: 6 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        hostile,
        hostile,
        hostile,
        hostile,
        hostile,
        fc.integer({ min: 1, max: 65535 }),
        fc.boolean(),
        fc.boolean(),
        (h1, pw1, h2, user, pw2, port, useRedis, usePg) => {
          const r = useRedis ? { host: h1, port, password: pw1 } : undefined;
          const p = usePg ? { host: h2, port, user, password: pw2, database: h1 } : undefined;
          expect(renderCompose(r, p)).toEqual(expected(r, p));
          // The compose engine reads the same environment back (no interpolation of `$` in data).
          const model = parseCompose(renderText(r, p), { file: '/tmp/voting-app/docker-compose.yml', env: {} });
          const want = expected(r, p).services;
          for (const [name, service] of Object.entries(model.services))
            expect(service.environment).toEqual(want[name].environment ?? {});
        },
      ),
      { numRuns: 1000 },
    );
  });
});

import { compileHookPattern, matchesHook } from './hook-pattern';
import type { EndpointRoles } from './endpoint-roles';

const endpoints: EndpointRoles = {
  requires: { cache: 'redis', queue: 'redis', db: 'pgsql' },
  provides: { website: 'http' },
  peers: { cluster: 'app-peers' },
};

describe('hook patterns', () => {
  it.each([
    ['config-changed', 'config-changed', true],
    ['config-changed', 'config-changedx', false],
    ['{install,upgrade-charm}', 'upgrade-charm', true],
    ['{install,upgrade-charm}', 'start', false],
    ['{a,b}-{c,d}', 'b-c', true],
    ['{a,b}-{c,d}', 'a-b', false],
    ['*-relation-joined', 'db-relation-joined', true],
    ['{requires:redis}-relation-{joined,changed}', 'queue-relation-changed', true],
    ['{requires:redis}-relation-{joined,changed}', 'db-relation-changed', false],
    ['{provides:http}-relation-broken', 'website-relation-broken', true],
    ['{peers:app-peers}-relation-departed', 'cluster-relation-departed', true],
    ['{requires:mysql}-relation-joined', 'db-relation-joined', false],
    ['action:back.up', 'action:backXup', false],
  ])('%s vs %s → %s', (pattern, hookName, expected) => {
    expect(matchesHook(hookName, [pattern], endpoints)).toBe(expected);
  });

  it('a role group naming no endpoint makes the pattern vanish', () => {
    expect(compileHookPattern('{requires:mysql}-relation-joined', endpoints)).toBeNull();
    expect(compileHookPattern('{requires:redis}-x', undefined)).toBeNull();
  });
});

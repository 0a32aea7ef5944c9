import { hookContextFromEnv } from './hook-context';
import { HookEnvError } from './hook-env-error';

const base = { JUJU_UNIT_NAME: 'web/3', JUJU_CHARM_DIR: '/var/lib/juju/agents/unit-web-3/charm' };

describe('hookContextFromEnv', () => {
  it('takes the hook name from JUJU_DISPATCH_PATH first', () => {
    const ctx = hookContextFromEnv({ ...base, JUJU_DISPATCH_PATH: 'hooks/config-changed', JUJU_HOOK_NAME: 'install' }, [
      'node',
      '/x/charm.js',
    ]);
    expect(ctx).toMatchObject({
      hookName: 'config-changed',
      kind: 'hook',
      dispatchPath: 'hooks/config-changed',
      unitName: 'web/3',
      appName: 'web',
    });
    expect(Object.isFrozen(ctx)).toBe(true);
  });

  it('recognises actions from the dispatch path', () => {
    const ctx = hookContextFromEnv({ ...base, JUJU_DISPATCH_PATH: 'actions/backup', JUJU_ACTION_NAME: 'backup' });
    expect(ctx).toMatchObject({
      hookName: 'backup',
      kind: 'action',
      actionName: 'backup',
      dispatchPath: 'actions/backup',
    });
  });

  it('falls back to JUJU_HOOK_NAME, then the basename of argv[1]', () => {
    expect(hookContextFromEnv({ ...base, JUJU_HOOK_NAME: 'start' }).hookName).toBe('start');
    expect(hookContextFromEnv(base, ['node', '/charm/hooks/db-relation-joined']).hookName).toBe('db-relation-joined');
  });

  it('reads relation variables, treating empty ones as absent', () => {
    const ctx = hookContextFromEnv({
      ...base,
      JUJU_DISPATCH_PATH: 'hooks/db-relation-broken',
      JUJU_RELATION: 'db',
      JUJU_RELATION_ID: 'db:7',
      JUJU_REMOTE_UNIT: '',
      JUJU_REMOTE_APP: 'pg',
      JUJU_MODEL_NAME: 'm',
      JUJU_CONTEXT_ID: 'c1',
    });
    expect(ctx).toMatchObject({
      relationName: 'db',
      relationId: 'db:7',
      remoteApp: 'pg',
      modelName: 'm',
      contextId: 'c1',
    });
    expect(ctx.remoteUnit).toBeUndefined();
  });

  it('derives the remote app from the remote unit and accepts legacy CHARM_DIR', () => {
    const ctx = hookContextFromEnv({
      JUJU_UNIT_NAME: 'a/0',
      CHARM_DIR: '/c',
      JUJU_HOOK_NAME: 'x-relation-joined',
      JUJU_RELATION_ID: 'x:1',
      JUJU_REMOTE_UNIT: 'b/2',
    });
    expect(ctx).toMatchObject({ charmDir: '/c', remoteApp: 'b', relationName: 'x' });
  });

  it('needs no HOME and reads log settings', () => {
    const ctx = hookContextFromEnv({
      ...base,
      JUJU_HOOK_NAME: 'install',
      RXCHARM_LOG_PRETTY: '1',
      RXCHARM_LOG_LEVEL: 'debug',
    });
    expect(ctx).toMatchObject({ logPretty: true, logLevel: 'debug' });
  });

  it('names every missing variable at once', () => {
    let err: unknown;
    try {
      hookContextFromEnv({}, ['node', '/charm/lib/charm.js']);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HookEnvError);
    expect((err as HookEnvError).missing).toEqual([
      'JUJU_UNIT_NAME',
      'JUJU_CHARM_DIR',
      'JUJU_DISPATCH_PATH (or JUJU_HOOK_NAME)',
    ]);
    expect((err as Error).message).toMatch(
      /^hook environment incomplete: missing JUJU_UNIT_NAME, JUJU_CHARM_DIR, JUJU_DISPATCH_PATH/,
    );
  });

  it('rejects malformed unit names and relation ids', () => {
    expect(() => hookContextFromEnv({ ...base, JUJU_UNIT_NAME: 'web', JUJU_HOOK_NAME: 'install' })).toThrow(
      /JUJU_UNIT_NAME: expected <application>\/<number>, got "web"/,
    );
    expect(() => hookContextFromEnv({ ...base, JUJU_HOOK_NAME: 'install', JUJU_RELATION_ID: '7' })).toThrow(
      /JUJU_RELATION_ID: expected <endpoint>:<number>/,
    );
    expect(() => hookContextFromEnv({ ...base, JUJU_HOOK_NAME: 'install', RXCHARM_LOG_LEVEL: 'loud' })).toThrow(
      /RXCHARM_LOG_LEVEL: expected one of trace, debug/,
    );
  });
});

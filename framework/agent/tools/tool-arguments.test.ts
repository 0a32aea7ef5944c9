import { testEnv, testExec, testModel } from '../internal/test-model';
import { hookStarted } from '../model/hook-progress';
import { relate } from '../model/relation-ops';
import { runTool } from './run-tool';

function relatedModel() {
  const model = testModel();
  const relation = relate(model, { app: 'client' }, { app: 'app' });
  relation.appData.app = { url: 'http://a' };
  relation.unitData['app/0'] = { host: 'h0' };
  hookStarted(model, model.unit('client/0'), {
    seq: 0,
    hook: 'db-relation-joined',
    relationId: relation.id,
    remoteUnit: 'app/0',
  });
  return { model, id: relation.id };
}

describe('hook tool argument forms (Juju 3.6)', () => {
  it('takes -r as -r ID, -r=ID, --relation ID and --relation=ID, with or without the endpoint', () => {
    const { model, id } = relatedModel();
    const env = testEnv(model, testExec('client/0', 'update-status'));
    for (const args of [['-r', `db:${id}`], [`-r=${id}`], ['--relation', String(id)], [`--relation=db:${id}`]]) {
      expect(runTool(env, 'relation-list', args)).toEqual({ code: 0, stdout: 'app/0\n', stderr: '' });
    }
    expect(runTool(env, 'relation-list', ['-r'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'ERROR flag needs an argument: -r\n',
    });
  });

  it('ends options at --, so values may start with a dash', () => {
    const { model } = relatedModel();
    const env = testEnv(model, testExec('client/0', 'update-status'));
    expect(runTool(env, 'status-set', ['blocked', '--', '-1 is not a port'])).toMatchObject({ code: 0 });
    expect(model.unit('client/0').status).toMatchObject({ status: 'blocked', message: '-1 is not a port' });
    expect(runTool(env, 'juju-log', ['--', '--not-a-flag'])).toMatchObject({ code: 0 });
    expect(env.logs).toContainEqual(['INFO', '--not-a-flag']);
    expect(runTool(env, 'status-set', ['--bogus', 'active']).code).toBe(2);
  });

  it('reads the remote application bag in an application-data changed hook (no remote unit)', () => {
    const { model, id } = relatedModel();
    const env = testEnv(model, testExec('client/0', 'db-relation-changed', { id, remoteApp: 'app' }));
    expect(runTool(env, 'relation-get', ['url'])).toEqual({ code: 0, stdout: 'http://a\n', stderr: '' });
    expect(runTool(env, 'relation-get', ['--app=true', '-', 'app', '--format=json']).stdout).toBe(
      '{"url":"http://a"}\n',
    );
    expect(runTool(env, 'relation-get', ['--app=false', 'host', 'app/0']).stdout).toBe('h0\n');
    expect(runTool(env, 'relation-get', ['host', 'app'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'ERROR expected unit name, got application name "app"\n',
    });
  });

  it('relation-ids no longer lists a relation during its -relation-broken', () => {
    const { model, id } = relatedModel();
    const unit = model.unit('client/0');
    const env = testEnv(model, testExec('client/0', 'db-relation-broken', { id, remoteApp: 'app' }));
    expect(runTool(env, 'relation-ids', ['db']).stdout).toBe(`db:${id}\n`);
    hookStarted(model, unit, { seq: 1, hook: 'db-relation-broken', relationId: id, remoteApp: 'app' });
    expect(runTool(env, 'relation-ids', ['db', '--format=json']).stdout).toBe('[]\n');
    expect(runTool(env, 'relation-ids', []).stdout).toBe('');
    expect(runTool(env, 'relation-list', ['--format=json']).stdout).toBe('[]\n');
  });

  it('exits 2 on usage errors and 1 on runtime errors, each with one ERROR line', () => {
    const { model } = relatedModel();
    const env = testEnv(model, testExec('client/0', 'update-status'));
    expect(runTool(testEnv(model, testExec('app/1', 'update-status')), 'leader-set', ['k=v'])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^ERROR /),
    });
    expect(runTool(env, 'relation-list', [])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'ERROR no relation id specified\n',
    });
  });
});

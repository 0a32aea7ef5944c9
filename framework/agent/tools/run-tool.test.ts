import { hookStarted } from '../model/hook-progress';
import { relate } from '../model/relation-ops';
import { testEnv, testExec, testModel } from '../internal/test-model';
import type { ModelState } from '../model/model-state';
import { HookExecution } from './hook-execution';
import { runTool } from './run-tool';

function related(): { model: ModelState; id: number } {
  const model = testModel();
  const relation = relate(model, { app: 'client' }, { app: 'app' });
  for (const unit of ['app/0', 'app/1'])
    hookStarted(model, model.unit(unit), {
      seq: 0,
      hook: 'db-relation-joined',
      relationId: relation.id,
      remoteUnit: 'client/0',
    });
  hookStarted(model, model.unit('client/0'), {
    seq: 0,
    hook: 'db-relation-joined',
    relationId: relation.id,
    remoteUnit: 'app/0',
  });
  relation.unitData['client/0'] = { host: 'c0', port: '5' };
  relation.appData.client = { shared: 'yes' };
  return { model, id: relation.id };
}

describe('hook tools', () => {
  it('config-get prints set and defaulted options in each format', () => {
    const model = testModel();
    model.app('app').config.port = 9000;
    const env = testEnv(model, testExec('app/0', 'config-changed'));
    expect(runTool(env, 'config-get', ['--format=json'])).toEqual({
      code: 0,
      stdout: '{"debug":false,"greeting":"hello","port":9000,"ratio":0.5}\n',
      stderr: '',
    });
    expect(runTool(env, 'config-get', ['--all', '--format', 'json']).stdout).toContain('"nothing":null');
    expect(runTool(env, 'config-get', ['port']).stdout).toBe('9000\n');
    expect(runTool(env, 'config-get', ['debug']).stdout).toBe('False\n');
    expect(runTool(env, 'config-get', ['missing', '--format=json']).stdout).toBe('null\n');
    expect(runTool(env, 'config-get', ['missing'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(runTool(env, 'config-get', ['port', '--all'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'ERROR cannot use argument --all together with key "port"\n',
    });
    expect(runTool(env, 'config-get', ['--format=xml']).code).toBe(2);
    expect(runTool(env, 'config-get', ['--bogus'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'ERROR flag provided but not defined: --bogus\n',
    });
    expect(runTool(env, 'config-get', ['-h'])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('Usage: config-get'),
    });
    expect(runTool(env, 'config-get', ['a', 'b']).stderr).toBe('ERROR unrecognized args: ["b"]\n');
  });

  it('relation-ids and relation-list answer from the unit view', () => {
    const { model, id } = related();
    const env = testEnv(
      model,
      testExec('app/0', 'db-relation-changed', { id, remoteUnit: 'client/0', remoteApp: 'client' }),
    );
    expect(runTool(env, 'relation-ids', []).stdout).toBe(`db:${id}\n`);
    expect(runTool(env, 'relation-ids', ['db', '--format=json']).stdout).toBe(`["db:${id}"]\n`);
    expect(runTool(env, 'relation-ids', ['cluster']).stdout).toBe('cluster:0\n');
    expect(runTool(env, 'relation-list', ['--format=json']).stdout).toBe('["client/0"]\n');
    expect(runTool(env, 'relation-list', ['--app']).stdout).toBe('client\n');
    expect(runTool(env, 'relation-list', ['-r', 'cluster:0', '--format=json']).stdout).toBe('[]\n');
    const outside = testEnv(model, testExec('app/0', 'install'));
    expect(runTool(outside, 'relation-ids', [])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'ERROR no endpoint name specified\n',
    });
    expect(runTool(outside, 'relation-list', [])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'ERROR no relation id specified\n',
    });
    expect(runTool(outside, 'relation-list', ['-r', 'db:99']).stderr).toBe(
      'ERROR invalid value "db:99" for option -r: relation not found\n',
    );
    expect(runTool(outside, 'relation-list', ['-r', 'db:x']).stderr).toBe(
      'ERROR invalid value "db:x" for option -r: invalid relation id\n',
    );
  });

  it('relation-get reads remote units, the remote app, and the own pending view', () => {
    const { model, id } = related();
    const exec = testExec('app/0', 'db-relation-changed', { id, remoteUnit: 'client/0', remoteApp: 'client' });
    const env = testEnv(model, exec);
    expect(runTool(env, 'relation-get', ['--format=json']).stdout).toBe('{"host":"c0","port":"5"}\n');
    expect(runTool(env, 'relation-get', ['host']).stdout).toBe('c0\n');
    expect(runTool(env, 'relation-get', ['-', 'client/0']).stdout).toBe('host: c0\nport: "5"\n');
    expect(runTool(env, 'relation-get', ['missing', '--format=json']).stdout).toBe('null\n');
    expect(runTool(env, 'relation-get', ['--app', 'shared']).stdout).toBe('yes\n');
    expect(runTool(env, 'relation-get', ['-', 'client']).stderr).toBe(
      'ERROR expected unit name, got application name "client"\n',
    );
    expect(runTool(env, 'relation-get', ['-', 'Bad!']).code).toBe(2);
    expect(runTool(env, 'relation-get', ['-', 'zzz/0']).code).toBe(1);
    expect(runTool(env, 'relation-set', ['a=1', ' b = two ']).code).toBe(0);
    expect(runTool(env, 'relation-get', ['-', 'app/0', '--format=json']).stdout).toBe('{"a":"1","b":"two"}\n');
    // Not committed: the model is untouched until the hook succeeds.
    expect(model.relation(id).unitData['app/0']).toBeUndefined();
    const created = testEnv(model, testExec('app/0', 'db-relation-created', { id, remoteApp: 'client' }));
    expect(runTool(created, 'relation-get', ['shared']).stdout).toBe('yes\n');
  });

  it('relation-set validates pairs, reads --file and stdin lazily, and keeps --app for the leader', () => {
    const { model, id } = related();
    const leader = new HookExecution('c', 'app/0', 'app', 'db-relation-changed', {
      seq: 1,
      hook: 'db-relation-changed',
      relationId: id,
    });
    expect(runTool(testEnv(model, leader), 'relation-set', ['novalue'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'ERROR expected "key=value", got "novalue"\n',
    });
    expect(runTool(testEnv(model, leader), 'relation-set', ['a=1', 'a=2']).stderr).toBe(
      'ERROR key "a" specified more than once\n',
    );
    expect(runTool(testEnv(model, leader), 'relation-set', ['--file', '-'])).toMatchObject({ needStdin: true });
    expect(
      runTool(testEnv(model, leader, { stdin: '{"x": "1", "n": 2}' }), 'relation-set', ['--file', '-', 'n=3']).code,
    ).toBe(0);
    expect(
      runTool(testEnv(model, leader, { files: { '/charm/s.yaml': 'y: why\n' } }), 'relation-set', ['--file', 's.yaml'])
        .code,
    ).toBe(0);
    expect(leader.pending(id).unit).toEqual({ x: '1', n: '3', y: 'why' });
    expect(runTool(testEnv(model, leader), 'relation-set', ['--app', 'k=v']).code).toBe(0);
    expect(leader.pending(id).app).toEqual({ k: 'v' });
    const follower = new HookExecution('d', 'app/1', 'app', 'db-relation-changed', {
      seq: 1,
      hook: 'db-relation-changed',
      relationId: id,
    });
    expect(runTool(testEnv(model, follower), 'relation-set', ['--app', 'k=v'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'ERROR cannot write relation settings\n',
    });
    expect(runTool(testEnv(model, follower), 'relation-get', ['--app', '-', 'app']).stderr).toBe(
      'ERROR permission denied\n',
    );
  });

  it('status-set applies at once; status-get reads it back', () => {
    const model = testModel();
    const env = testEnv(model, testExec('app/0', 'start'));
    expect(runTool(env, 'status-set', ['active', 'all good']).code).toBe(0);
    expect(env.saves).toBe(1);
    expect(model.unit('app/0').status).toMatchObject({ status: 'active', message: 'all good' });
    expect(runTool(env, 'status-get', []).stdout).toBe('active\n');
    expect(runTool(env, 'status-get', ['--format=json']).stdout).toBe(
      '{"message":"all good","status":"active","status-data":{}}\n',
    );
    expect(runTool(env, 'status-set', ['happy'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'ERROR invalid status "happy", expected one of [maintenance blocked waiting active]\n',
    });
    expect(runTool(env, 'status-set', ['active', 'a', 'b']).code).toBe(2);
    expect(runTool(env, 'status-set', ['--application', 'blocked', 'need db']).code).toBe(0);
    expect(runTool(env, 'status-get', ['--application', '--format=json']).stdout).toContain(
      '"application-status":{"message":"need db","status":"blocked"',
    );
    const follower = testEnv(model, testExec('app/1', 'start'));
    expect(runTool(follower, 'status-set', ['--application', 'active']).code).toBe(1);
  });

  it('open-port and close-port buffer normalized specs; opened-ports shows committed ones', () => {
    const model = testModel();
    model.unit('app/0').ports = ['80/tcp', '1000-2000/udp'];
    const exec = testExec('app/0', 'start');
    const env = testEnv(model, exec);
    expect(runTool(env, 'open-port', ['8080/TCP']).code).toBe(0);
    expect(runTool(env, 'open-port', ['53/udp']).code).toBe(0);
    expect(runTool(env, 'close-port', ['80']).code).toBe(0);
    expect(exec.portChanges).toEqual([
      { op: 'open', port: '8080/tcp' },
      { op: 'open', port: '53/udp' },
      { op: 'close', port: '80/tcp' },
    ]);
    expect(runTool(env, 'opened-ports', ['--format=json']).stdout).toBe('["80/tcp","1000-2000/udp"]\n');
    expect(runTool(env, 'opened-ports', ['--endpoints']).stdout).toBe('80/tcp (*)\n1000-2000/udp (*)\n');
    expect(runTool(env, 'open-port', [])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'ERROR no port or range specified\n',
    });
    expect(runTool(env, 'open-port', ['99999']).code).toBe(2);
    expect(runTool(env, 'open-port', ['abc/tcp']).code).toBe(2);
  });

  it('leadership tools: is-leader, leader-get, leader-set (leader only, immediate)', () => {
    const model = testModel();
    model.unit('app/1').installed = true;
    const env = testEnv(model, testExec('app/0', 'leader-elected'));
    expect(runTool(env, 'is-leader', []).stdout).toBe('True\n');
    expect(runTool(env, 'is-leader', ['--format=json']).stdout).toBe('true\n');
    expect(runTool(env, 'leader-set', ['token=abc']).code).toBe(0);
    expect(model.app('app').leaderData).toEqual({ token: 'abc' });
    expect(model.unit('app/1').queue.at(-1)?.hook).toBe('leader-settings-changed');
    const follower = testEnv(model, testExec('app/1', 'leader-settings-changed'));
    expect(runTool(follower, 'is-leader', []).stdout).toBe('False\n');
    expect(runTool(follower, 'leader-get', ['token']).stdout).toBe('abc\n');
    expect(runTool(follower, 'leader-get', ['--format=json']).stdout).toBe('{"token":"abc"}\n');
    expect(runTool(follower, 'leader-get', ['a=b']).code).toBe(2);
    expect(runTool(follower, 'leader-set', ['x=1'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('not the leader'),
    });
  });

  it('unit-get, network-get, juju-log, application-version-set, resource-get', () => {
    const { model, id } = related();
    const env = testEnv(
      model,
      testExec('app/0', 'db-relation-changed', { id, remoteUnit: 'client/0', remoteApp: 'client' }),
    );
    expect(runTool(env, 'unit-get', ['private-address']).stdout).toBe('10.0.0.5\n');
    expect(runTool(env, 'unit-get', ['nope'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'ERROR unknown setting "nope"\n',
    });
    expect(runTool(env, 'network-get', ['db', '--ingress-address']).stdout).toBe('10.0.0.5\n');
    expect(
      JSON.parse(runTool(env, 'network-get', ['db', '--format=json']).stdout)['bind-addresses'][0].addresses[0].value,
    ).toBe('10.0.0.5');
    expect(runTool(env, 'network-get', ['nowhere']).code).toBe(1);
    expect(runTool(env, 'juju-log', ['-l', 'warning', 'hello', 'there']).code).toBe(0);
    expect(runTool(env, 'juju-log', ['--log-level=LOUD', 'x']).code).toBe(0);
    expect(env.logs).toEqual([
      ['WARNING', `db:${id}: hello there`],
      ['WARNING', 'Specified log level (LOUD) is not valid'],
      ['INFO', `db:${id}: x`],
    ]);
    expect(runTool(env, 'juju-log', []).code).toBe(2);
    expect(runTool(env, 'application-version-set', ['1.2.3']).code).toBe(0);
    expect(model.app('app').workloadVersion).toBe('1.2.3');
    expect(runTool(env, 'application-version-set', []).stderr).toBe('ERROR no version specified\n');
    expect(runTool(env, 'resource-get', ['image'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'ERROR could not download resource: resource#app/image not found\n',
    });
    expect(runTool(env, 'no-such-tool', []).code).toBe(1);
  });

  it('action tools work only in actions', () => {
    const model = testModel();
    const action = {
      name: 'echo',
      params: { text: 'hi', nested: { a: 1 } },
      results: {},
      failed: false,
      failMessage: '',
    };
    const exec = new HookExecution('a', 'app/0', 'app', 'echo', null, action);
    const env = testEnv(model, exec);
    expect(runTool(env, 'action-get', ['text']).stdout).toBe('hi\n');
    expect(runTool(env, 'action-get', ['nested.a', '--format=json']).stdout).toBe('1\n');
    expect(runTool(env, 'action-set', ['out.value=5', 'other=x']).code).toBe(0);
    expect(action.results).toEqual({ out: { value: '5' }, other: 'x' });
    expect(runTool(env, 'action-set', ['stdout=x']).stderr).toBe('ERROR cannot set reserved action key "stdout"\n');
    expect(runTool(env, 'action-set', ['Bad=x']).code).toBe(2);
    expect(runTool(env, 'action-fail', []).code).toBe(0);
    expect(action).toMatchObject({
      failed: true,
      failMessage: 'action failed without reason given, check action for errors',
    });
    const hook = testEnv(model, testExec('app/0', 'install'));
    expect(runTool(hook, 'action-get', [])).toEqual({ code: 1, stdout: '', stderr: 'ERROR not running an action\n' });
  });
});

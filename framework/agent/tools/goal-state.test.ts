import { testEnv, testExec, testModel } from '../internal/test-model';
import { relate } from '../model/relation-ops';
import { removeUnit } from '../model/removal-ops';
import { runTool } from './run-tool';

describe('goal-state', () => {
  it("prints Juju's shape: the application's units and, per endpoint, the remote application and units", () => {
    const model = testModel();
    relate(model, { app: 'client' }, { app: 'app' });
    const env = testEnv(model, testExec('client/0', 'update-status'));
    const out = runTool(env, 'goal-state', ['--format=json']);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({
      units: { 'client/0': { status: 'waiting', since: expect.any(String) } },
      relations: {
        db: {
          app: { status: 'joined', since: expect.any(String) },
          'app/0': { status: 'waiting', since: expect.any(String) },
          'app/1': { status: 'waiting', since: expect.any(String) },
        },
      },
    });
  });

  it('shows a unit being removed as dying, to itself and to the other side', () => {
    const model = testModel();
    relate(model, { app: 'client' }, { app: 'app' });
    removeUnit(model, 'app/1');
    const own = JSON.parse(
      runTool(testEnv(model, testExec('app/1', 'stop')), 'goal-state', ['--format', 'json']).stdout,
    );
    expect(own.units['app/1'].status).toBe('dying');
    expect(own.units['app/0'].status).toBe('waiting');
    const remote = JSON.parse(
      runTool(testEnv(model, testExec('client/0', 'update-status')), 'goal-state', ['--format=json']).stdout,
    );
    expect(remote.relations.db['app/1'].status).toBe('dying');
  });

  it('defaults to yaml and refuses smart, as Juju registers only yaml and json', () => {
    const model = testModel();
    const env = testEnv(model, testExec('app/0', 'update-status'));
    expect(runTool(env, 'goal-state', []).stdout).toMatch(/^relations: \{\}\nunits:\n {2}app\/0:\n {4}since: /);
    expect(runTool(env, 'goal-state', ['--format=smart'])).toMatchObject({ code: 2 });
    expect(runTool(env, 'goal-state', ['extra']).stderr).toBe('ERROR unrecognized args: ["extra"]\n');
  });
});

import { hookEnvironment } from './hook-environment';

const base = {
  unit: 'app/0',
  charmDir: '/m/units/app-0/charm',
  contextId: 'ctx',
  socketPath: '/m/agent.sock',
  modelName: 'local',
  modelUuid: 'uuid',
  toolsDir: '/m/bin',
  basePath: '/usr/bin:/bin',
};

describe('hookEnvironment', () => {
  it('sets the Juju variables for a relation hook, with no HOME and the tools first on PATH', () => {
    const env = hookEnvironment({
      ...base,
      hook: {
        seq: 1,
        hook: 'db-relation-departed',
        relationId: 3,
        remoteUnit: 'x/1',
        remoteApp: 'x',
        departingUnit: 'x/1',
      },
      relationKey: 'db:3',
      relationName: 'db',
    });
    expect(env).toMatchObject({
      JUJU_UNIT_NAME: 'app/0',
      JUJU_CHARM_DIR: '/m/units/app-0/charm',
      JUJU_HOOK_NAME: 'db-relation-departed',
      JUJU_DISPATCH_PATH: 'hooks/db-relation-departed',
      JUJU_RELATION: 'db',
      JUJU_RELATION_ID: 'db:3',
      JUJU_REMOTE_UNIT: 'x/1',
      JUJU_REMOTE_APP: 'x',
      JUJU_DEPARTING_UNIT: 'x/1',
      JUJU_CONTEXT_ID: 'ctx',
      JUJU_AGENT_SOCKET_ADDRESS: '/m/agent.sock',
      PATH: '/m/bin:/usr/bin:/bin',
    });
    expect(env.HOME).toBeUndefined();
  });

  it('leaves JUJU_REMOTE_UNIT empty for created/broken and uses actions/<name> for actions', () => {
    const created = hookEnvironment({
      ...base,
      hook: { seq: 1, hook: 'db-relation-created', relationId: 3, remoteApp: 'x' },
      relationKey: 'db:3',
      relationName: 'db',
    });
    expect(created.JUJU_REMOTE_UNIT).toBe('');
    expect(created.JUJU_DEPARTING_UNIT).toBeUndefined();
    const action = hookEnvironment({ ...base, hook: null, action: { name: 'backup', id: 'abcd' } });
    expect(action).toMatchObject({
      JUJU_DISPATCH_PATH: 'actions/backup',
      JUJU_ACTION_NAME: 'backup',
      JUJU_ACTION_TAG: 'action-abcd',
    });
    expect(action.JUJU_HOOK_NAME).toBeUndefined();
  });
});

describe('hookEnvironment: the hook-tool socket offer', () => {
  const hook = { seq: 1, hook: 'update-status' };

  it('offers the socket transport by default, and not when the agent is told not to', () => {
    expect(hookEnvironment({ ...base, hook }).RXCHARM_HOOK_TOOL_SOCKET).toBe('1');
    expect(hookEnvironment({ ...base, hook, toolSocket: false }).RXCHARM_HOOK_TOOL_SOCKET).toBeUndefined();
  });
});

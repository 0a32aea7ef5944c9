import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defaultBuildLayer, LocalAgent, type HookEvent } from '../../../framework/agent';

describe('local agent: deploying a layer builds it first', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rxcharm-agent-layer-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds test/fixtures/layers/status-app with framework/build and runs its dispatch', async () => {
    const events: HookEvent[] = [];
    const agent = new LocalAgent({
      modelDir: join(dir, 'model'),
      parallel: false,
      basePath: process.env.PATH ?? '/usr/bin:/bin',
      buildLayer: defaultBuildLayer({}),
      onHook: (event) => events.push(event),
    });
    const result = await agent.deploy(resolve(__dirname, '../../fixtures/layers/status-app'));
    expect(result.application).toBe('status-app');
    expect(existsSync(join(dir, 'model/builds/status-app/dispatch'))).toBe(true);
    expect(existsSync(join(dir, 'model/units/status-app-0/charm/lib/charm.js'))).toBe(true);
    expect(events.map((e) => `${e.hook}:${e.outcome}`)).toEqual([
      'install:ok',
      'leader-elected:ok',
      'config-changed:ok',
      'start:ok',
    ]);
    // layer:basic reports its status rules on update-status, through the agent's hook tools.
    expect(await agent.updateStatus()).toEqual(['status-app/0']);
    expect(agent.status().applications['status-app']!.units['status-app/0']).toMatchObject({
      workload: 'blocked',
      message: 'set the port option',
    });
    await agent.config('status-app', ['port=8080']);
    await agent.updateStatus('status-app');
    expect(agent.status().applications['status-app']!.units['status-app/0']).toMatchObject({
      workload: 'active',
      message: 'serving',
    });
  });
});

import { join } from 'node:path';
import { DockerodeClient } from '../../../framework/docker';
import { Context } from '../../../framework/testing';
import { ensureBusyboxImage, removeProject, uniqueName } from '../../support';

const FIXTURE = join(__dirname, '../../../framework/testing/fixtures/real-docker');

describe('rxcharm/testing against the real daemon', () => {
  const project = uniqueName('rxharness');
  const docker = new DockerodeClient();
  const ctx = new Context(FIXTURE, { docker });
  let image: string;

  beforeAll(() => {
    image = ensureBusyboxImage();
  });
  afterAll(async () => {
    await ctx.dispose();
    removeProject(project);
  });

  it('records the calls it makes on a real daemon, and converges only once', async () => {
    const config = { image, project };
    const installed = await ctx.run('install', { config });
    expect(installed.state.status).toEqual({ status: 'active', message: 'sleeping' });
    const calls = installed.dockerActions.map((a) => a.method);
    expect(calls).toEqual(expect.arrayContaining(['createNetwork', 'createContainer', 'startContainer']));
    expect(installed.dockerActions.find((a) => a.method === 'createContainer')?.target).toBe(`${project}_sleeper_1`);

    const running = await docker.listContainers([`com.docker.compose.project=${project}`]);
    expect(running.map((c) => [c.name, c.state])).toEqual([[`${project}_sleeper_1`, 'running']]);
    expect(running[0]?.labels['rxcharm.test']).toBe(project);

    // Same config again: the real project is already converged, so no write is made.
    const again = await ctx.run('config-changed', installed.state);
    expect(again.invoked).toContain('sleeper:reactive/sleeper.ts:Sleeper.up');
    expect(again.dockerActions).toEqual([]);
  });
});

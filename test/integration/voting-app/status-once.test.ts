/**
 * One status per hook, on the built voting-app under the fake hook tools: with the Docker daemon
 * unreachable, each hook sets its workload status at most once, and a no-op `update-status`
 * (4 endpoints, no relations) makes at most 6 hook-tool calls in all.
 */
import { rmSync } from 'node:fs';
import { VotingAppUnderTest } from './charm-harness';

jest.setTimeout(180_000);

describe('voting-app: at most one status-set per hook (daemon unreachable)', () => {
  let charm: VotingAppUnderTest;
  let warn: jest.SpyInstance;

  beforeAll(async () => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    charm = await VotingAppUnderTest.create('voting-app-status', {
      // A docker_host of its own: the charm never installs an engine for it.
      docker_host: 'unix:///nonexistent/rxcharm-test/docker.sock',
    });
  });

  afterAll(() => {
    charm?.juju.dispose();
    rmSync(charm?.buildDir ?? '/nonexistent', { recursive: true, force: true });
    warn.mockRestore();
  });

  const statusSets = (calls: ReadonlyArray<{ tool: string; args: string[] }>) =>
    calls.filter((c) => c.tool === 'status-set').map((c) => c.args.join(' '));

  it('sets the status once per hook, and not at all when it did not change', async () => {
    for (const hook of ['install', 'config-changed', 'start']) {
      expect(statusSets((await charm.hook(hook)).calls).length).toBeLessThanOrEqual(1);
    }
    const first = await charm.hook('update-status');
    expect(statusSets(first.calls).length).toBeLessThanOrEqual(1);
    const second = await charm.hook('update-status');
    expect(statusSets(second.calls)).toEqual([]);
    expect(second.calls.length).toBeLessThanOrEqual(6);
    expect(second.calls.map((c) => c.tool).sort()).toEqual([
      'config-get',
      'relation-ids',
      'relation-ids',
      'relation-ids',
      'relation-ids',
    ]);
  });
});

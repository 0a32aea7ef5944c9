import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryUnitStore } from '../../../framework/unit';
import { runHook, type CharmBundle } from '../../../framework/runtime';
import type { HookTools } from '../../../framework/hookenv';
import * as dockerReactive from '../../../layers/docker/reactive/docker';

jest.setTimeout(60_000);

const layerDir = join(__dirname, '..', '..', '..', 'layers', 'docker');

/** Hook tools answering config-get from `config` and recording status-set; everything else is inert. */
function tools(config: Record<string, unknown>, statuses: string[]): HookTools {
  const handlers: Partial<Record<keyof HookTools, (...args: never[]) => Promise<unknown>>> = {
    configGet: async () => config,
    statusSet: async (status: string, message: string) => void statuses.push(`${status}: ${message}`),
    isLeader: async () => true,
    relationIds: async () => [],
    openedPorts: async () => [],
  };
  return new Proxy({} as HookTools, {
    get: (_t, prop: string) => handlers[prop as keyof HookTools] ?? (async () => undefined),
  });
}

function bundle(): CharmBundle {
  return {
    charmName: 'docker-test',
    modules: [
      { layer: 'docker', file: 'reactive/docker.ts', exports: dockerReactive as unknown as Record<string, unknown> },
    ],
    interfaces: [],
    layerOptions: { docker: {}, basic: {} },
  };
}

async function hook(store: MemoryUnitStore, config: Record<string, unknown>, statuses: string[]) {
  return runHook(bundle(), {
    env: { JUJU_UNIT_NAME: 'docker-test/0', JUJU_CHARM_DIR: '/nonexistent-charm-dir', JUJU_HOOK_NAME: 'update-status' },
    tools: tools(config, statuses),
    store,
    lock: false,
    logWrite: () => {},
    readCharmFile: (name) => {
      if (name === 'config.yaml') return readFileSync(join(layerDir, 'config.yaml'), 'utf8');
      if (name === 'metadata.yaml') return 'name: docker-test\nsummary: test\ndescription: test\n';
      return undefined;
    },
  });
}

describe('layer:docker flags follow a real ping', () => {
  it('sets docker.ready/available while the daemon answers and clears them when it stops', async () => {
    const store = new MemoryUnitStore();
    const statuses: string[] = [];
    // A non-empty docker_host is "remote" for the layer: it never tries to install anything.
    const up = await hook(store, { install_docker: false, docker_host: 'unix:///var/run/docker.sock' }, statuses);
    expect(up.ok).toBe(true);
    expect(store.load().flags).toEqual(expect.arrayContaining(['docker.available', 'docker.ready']));

    const down = await hook(
      store,
      { install_docker: false, docker_host: 'unix:///tmp/rxcharm-dead-docker.sock' },
      statuses,
    );
    expect(down.ok).toBe(true);
    expect(store.load().flags).not.toContain('docker.ready');
    expect(store.load().flags).not.toContain('docker.available');
    // One status-set for the hook: the last status chosen (layer:basic's status rule for the daemon).
    expect(statuses.filter((st) => st.startsWith('waiting: Waiting for Docker daemon'))).toHaveLength(1);
  });
});

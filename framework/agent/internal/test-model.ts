import { addApplication, addUnits } from '../model/deploy-ops';
import { ModelState } from '../model/model-state';
import type { CharmInfo } from '../model/types';
import { HookExecution } from '../tools/hook-execution';
import type { JujuLogLevel, ToolEnv } from '../tools/tool-env';

/** A charm like the e2e fixtures: provides/requires `kv`, peers, five options, one action. */
export function testCharm(name: string, role: 'provides' | 'requires'): CharmInfo {
  return {
    name,
    endpoints: [
      { name: 'db', role, interface: 'kv' },
      { name: 'cluster', role: 'peers', interface: `${name}-peers` },
    ],
    extraBindings: [],
    resources: [],
    config: {
      greeting: { type: 'string', default: 'hello' },
      port: { type: 'int', default: 8080 },
      debug: { type: 'boolean', default: false },
      ratio: { type: 'float', default: 0.5 },
      nothing: { type: 'string', default: null },
    },
    actions: { echo: { params: { text: { type: 'string', default: 'x' } }, required: [] } },
  };
}

/** A model with `app` (provides, 2 units) and `client` (requires, 1 unit), hooks left queued. */
export function testModel(): ModelState {
  let tick = 0;
  const model = new ModelState(
    ModelState.empty('test', '00000000-0000-4000-8000-000000000000'),
    () => `2026-01-01T00:00:${String(tick++ % 60).padStart(2, '0')}.000Z`,
  );
  addApplication(model, {
    name: 'app',
    charm: testCharm('app', 'provides'),
    charmDir: 'applications/app/charm',
    source: '/src/app',
    config: {},
  });
  addApplication(model, {
    name: 'client',
    charm: testCharm('client', 'requires'),
    charmDir: 'applications/client/charm',
    source: '/src/client',
    config: {},
  });
  addUnits(model, 'app', 2);
  addUnits(model, 'client', 1);
  return model;
}

/** An in-memory tool environment; `logs` and `saves` record what the tools did. */
export function testEnv(
  model: ModelState,
  exec: HookExecution,
  options: { stdin?: string; files?: Record<string, string> } = {},
): ToolEnv & { logs: Array<[JujuLogLevel, string]>; saves: number; written: Record<string, string> } {
  const env = {
    model,
    exec,
    address: '10.0.0.5',
    cwd: '/charm',
    stdin: options.stdin,
    logs: [] as Array<[JujuLogLevel, string]>,
    saves: 0,
    written: {} as Record<string, string>,
    log(level: JujuLogLevel, message: string) {
      env.logs.push([level, message]);
    },
    changed() {
      env.saves++;
    },
    readFile(path: string) {
      const text = options.files?.[path];
      if (text === undefined) throw new Error(`ENOENT: ${path}`);
      return text;
    },
    writeFile(path: string, content: string) {
      env.written[path] = content;
    },
  };
  return env;
}

/** A hook execution for `unit` running `hook`, optionally in a relation context. */
export function testExec(
  unit: string,
  hook: string,
  relation?: { id: number; remoteUnit?: string; remoteApp: string },
): HookExecution {
  const queued = {
    seq: 1,
    hook,
    ...(relation ? { relationId: relation.id, remoteApp: relation.remoteApp } : {}),
    ...(relation?.remoteUnit ? { remoteUnit: relation.remoteUnit } : {}),
  };
  return new HookExecution(`ctx-${unit}`, unit, unit.split('/')[0]!, hook, queued);
}

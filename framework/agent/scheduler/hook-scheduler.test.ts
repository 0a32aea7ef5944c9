import { hookFinished, hookStarted } from '../model/hook-progress';
import { testModel } from '../internal/test-model';
import { commitRelationData, relate } from '../model/relation-ops';
import type { QueuedHook, UnitRecord } from '../model/types';
import { HookScheduler } from './hook-scheduler';

describe('HookScheduler', () => {
  it('runs one hook at a time per application and drains work enqueued meanwhile', async () => {
    const model = testModel();
    const active = new Map<string, number>();
    let maxPerApp = 0;
    const ran: string[] = [];
    const scheduler = new HookScheduler(model, async (unit, hook) => {
      const app = unit.name.split('/')[0]!;
      active.set(app, (active.get(app) ?? 0) + 1);
      maxPerApp = Math.max(maxPerApp, active.get(app)!);
      hookStarted(model, unit, hook);
      await Promise.resolve();
      ran.push(`${unit.name}:${hook.hook}`);
      if (unit.name === 'client/0' && hook.hook === 'start')
        model.enqueue(model.unit('app/1'), { hook: 'leader-settings-changed' });
      hookFinished(model, unit, hook, true);
      active.set(app, active.get(app)! - 1);
    });
    await scheduler.drain();
    expect(maxPerApp).toBe(1);
    expect(model.runnableUnits()).toEqual([]);
    expect(ran.filter((r) => r === 'app/1:leader-settings-changed')).toHaveLength(2);
    // per-unit order is the enqueue order
    expect(ran.filter((r) => r.startsWith('client/0:'))).toEqual([
      'client/0:install',
      'client/0:cluster-relation-created',
      'client/0:leader-elected',
      'client/0:config-changed',
      'client/0:start',
    ]);
  });

  it('serial mode follows global queue order; a failure stops only its unit', async () => {
    const model = testModel();
    const ran: string[] = [];
    await new HookScheduler(
      model,
      async (unit, hook) => {
        ran.push(`${unit.name}:${hook.hook}`);
        hookFinished(model, unit, hook, !(unit.name === 'app/1' && hook.hook === 'install'));
      },
      { parallel: false },
    ).drain();
    expect(ran.slice(0, 3)).toEqual(['app/0:install', 'app/0:cluster-relation-created', 'app/0:leader-elected']);
    expect(ran.filter((r) => r.startsWith('app/1:'))).toEqual(['app/1:install']);
    expect(model.unit('app/1').error).toEqual({ hook: 'install', message: 'hook failed: "install"' });
    expect(ran).toContain('client/0:start');
  });

  it("in parallel, a provider commit during the consumer's changed hook wakes another changed", async () => {
    const model = testModel();
    const quiet = async (unit: UnitRecord, hook: QueuedHook): Promise<void> => {
      hookStarted(model, unit, hook);
      hookFinished(model, unit, hook, true);
    };
    await new HookScheduler(model, quiet).drain();
    const relation = relate(model, { app: 'client' }, { app: 'app', endpoint: 'db' });
    await new HookScheduler(model, quiet).drain();
    // app/0 publishes in two commits; client/0's changed for app/0 is running when the second lands.
    commitRelationData(model, 'app/0', { relationId: relation.id, unit: { host: 'h' }, app: null });
    model.enqueue(model.unit('app/0'), { hook: 'update-status' });
    let release: () => void = () => undefined;
    let started: () => void = () => undefined;
    const clientReading = new Promise<void>((done) => (release = done));
    const clientStarted = new Promise<void>((done) => (started = done));
    const seen: Array<Record<string, string>> = [];
    await new HookScheduler(model, async (unit, hook) => {
      hookStarted(model, unit, hook);
      if (unit.name === 'client/0') {
        seen.push({ ...(relation.unitData['app/0'] ?? {}) }); // reads the bag, then works a while
        started();
        if (seen.length === 1) await clientReading;
      } else {
        await clientStarted;
        commitRelationData(model, 'app/0', { relationId: relation.id, unit: { password: 'p' }, app: null });
        release();
      }
      hookFinished(model, unit, hook, true);
    }).drain();
    expect(seen).toEqual([{ host: 'h' }, { host: 'h', password: 'p' }]);
  });

  it('rejects when running a hook throws (an agent failure, not a hook failure)', async () => {
    const model = testModel();
    await expect(
      new HookScheduler(model, async () => {
        throw new Error('disk full');
      }).drain(),
    ).rejects.toThrow('disk full');
  });
});

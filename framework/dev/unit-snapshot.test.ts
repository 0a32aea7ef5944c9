import { testModel } from '../agent/internal/test-model';
import { commitRelationData, relate } from '../agent/model/relation-ops';
import { hookFinished, hookStarted } from '../agent/model/hook-progress';
import type { ModelState } from '../agent';
import { state } from '../testing';
import { snapshotTest } from './snapshot-test';
import { unitSnapshot } from './unit-snapshot';

function drain(model: ModelState): void {
  for (let units = model.runnableUnits(); units.length > 0; units = model.runnableUnits()) {
    const unit = units[0]!;
    hookStarted(model, unit, unit.queue[0]!);
    hookFinished(model, unit, unit.queue[0]!, true);
  }
}

describe('unitSnapshot', () => {
  it('maps the unit to harness input and replaces every secret by a placeholder', () => {
    const model = testModel();
    drain(model);
    const rel = relate(model, { app: 'client' }, { app: 'app', endpoint: 'db' });
    drain(model);
    commitRelationData(model, 'app/0', { relationId: rel.id, unit: { host: 'h', password: 'hunter22' }, app: null });
    model.app('client').config = { greeting: 'hi', api_key: 'k-123' };
    model.unit('client/0').ports = ['80/tcp'];
    const snap = unitSnapshot(model, 'client/0', {
      version: 1,
      flags: ['b', 'a'],
      kv: { 'db.creds': { user: 'u', password: 'p' }, plain: 1 },
      config: { greeting: 'hi' },
    });
    expect(snap.state).toMatchObject({
      unitName: 'client/0',
      leader: true,
      config: { greeting: 'hi', api_key: '<secret config.api_key>' },
      appliedConfig: { greeting: 'hi' },
      flags: ['a', 'b'],
      kv: { 'db.creds': { user: 'u', password: '<secret kv.db.creds.password>' }, plain: 1 },
      openedPorts: ['80/tcp'],
    });
    const db = snap.state.relations!.find((r) => r.endpoint === 'db')!;
    expect(db).toMatchObject({
      id: rel.id,
      remoteApp: 'app',
      remoteUnits: {
        'app/0': { host: 'h', password: `<secret relations.db:${rel.id}.remoteUnits.app/0.password>` },
        'app/1': {},
      },
    });
    expect(snap.secrets).toHaveLength(3);
    expect(JSON.stringify(snap.state)).not.toMatch(/hunter22|k-123|"p"/);
    // The harness accepts it as it is.
    expect(
      state(snap.state)
        .relations.map((r) => r.endpoint)
        .sort(),
    ).toEqual(['cluster', 'db']);
  });

  it('writes a test that expects a failed hook to fail again, with the remote unit for relation hooks', () => {
    const text = snapshotTest({
      unit: 'client/0',
      hook: 'db-relation-changed',
      ok: false,
      charmExpression: "join(__dirname, '../charm')",
      state: { relations: [{ endpoint: 'db', id: 3, remoteUnits: { 'app/1': {} } }] },
      takenAt: '2026-01-01T00:00:00.000Z',
    });
    expect(text).toContain("import { Context, UncaughtHandlerError, relationChanged } from 'rxcharm/testing';");
    expect(text).toContain(
      'await expect(ctx.run(relationChanged("db", "app/1", { relationId: 3 }), state)).rejects.toThrow(UncaughtHandlerError);',
    );
  });
});

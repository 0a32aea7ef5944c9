import { testModel } from '../internal/test-model';
import { setConfig } from './config-ops';
import { hookFinished, hookStarted, resolveUnit } from './hook-progress';
import type { ModelState } from './model-state';
import type { RelationRecord } from './types';
import { commitRelationData, relate, unrelate } from './relation-ops';
import { removeApplication, removeUnit } from './removal-ops';

/** Runs every queued hook successfully in global order (what the scheduler does, minus processes). */
function drain(model: ModelState, fail?: string): string[] {
  const ran: string[] = [];
  for (;;) {
    const units = model.runnableUnits();
    if (units.length === 0) return ran;
    const unit = units.reduce((a, b) => (a.queue[0]!.seq <= b.queue[0]!.seq ? a : b));
    const hook = unit.queue[0]!;
    hookStarted(model, unit, hook);
    const label = `${unit.name}:${hook.hook}${hook.remoteUnit ? `:${hook.remoteUnit}` : ''}`;
    ran.push(label);
    hookFinished(model, unit, hook, label !== fail);
  }
}

/** A settled model with `client` related to `app` (on `endpoint`, else the inferred one), its relation hooks run. */
function relatedModel(endpoint?: string): { model: ModelState; relation: RelationRecord } {
  const model = testModel();
  drain(model);
  const relation = relate(model, { app: 'client' }, endpoint === undefined ? { app: 'app' } : { app: 'app', endpoint });
  drain(model);
  return { model, relation };
}

function of(ran: string[], unit: string): string[] {
  return ran.filter((r) => r.startsWith(`${unit}:`)).map((r) => r.slice(unit.length + 1));
}

describe('model operations (pure)', () => {
  it('queues the install phase with peers joining both ways', () => {
    const model = testModel();
    const ran = drain(model);
    expect(of(ran, 'app/0')).toEqual([
      'install',
      'cluster-relation-created',
      'leader-elected',
      'config-changed',
      'start',
      'cluster-relation-joined:app/1',
      'cluster-relation-changed:app/1',
    ]);
    expect(of(ran, 'app/1').slice(0, 3)).toEqual(['install', 'cluster-relation-created', 'leader-settings-changed']);
    expect(model.unit('app/0').status).toMatchObject({ status: 'unknown', message: '' });
  });

  it('relates, commits data once per change, and coalesces with a pending changed', () => {
    const model = testModel();
    drain(model);
    const relation = relate(model, { app: 'client' }, { app: 'app', endpoint: 'db' });
    const ran = drain(model);
    expect(of(ran, 'client/0')).toEqual([
      'db-relation-created',
      'db-relation-joined:app/0',
      'db-relation-changed:app/0',
      'db-relation-joined:app/1',
      'db-relation-changed:app/1',
    ]);
    commitRelationData(model, 'app/0', { relationId: relation.id, unit: { host: 'h' }, app: null });
    commitRelationData(model, 'app/0', { relationId: relation.id, unit: { host: 'h' }, app: null }); // no change
    expect(model.unit('client/0').queue.map((h) => `${h.hook}:${h.remoteUnit}`)).toEqual(['db-relation-changed:app/0']);
    commitRelationData(model, 'app/0', { relationId: relation.id, unit: { port: '1' }, app: null }); // still pending: coalesced
    expect(model.unit('client/0').queue).toHaveLength(1);
    commitRelationData(model, 'app/0', { relationId: relation.id, unit: { host: '' }, app: null });
    expect(relation.unitData['app/0']).toEqual({ port: '1' });
  });

  it('an application bag change wakes changed with no remote unit (JUJU_REMOTE_APP only), once', () => {
    const { model, relation } = relatedModel();
    commitRelationData(model, 'app/0', { relationId: relation.id, unit: {}, app: { url: 'u' } });
    commitRelationData(model, 'app/0', { relationId: relation.id, unit: {}, app: { url: 'v' } }); // coalesced
    expect(model.unit('client/0').queue).toEqual([
      expect.objectContaining({ hook: 'db-relation-changed', remoteApp: 'app', relationId: relation.id }),
    ]);
    expect(model.unit('client/0').queue[0]!.remoteUnit).toBeUndefined();
    commitRelationData(model, 'app/0', { relationId: relation.id, unit: { host: 'h' }, app: { url: 'w' } });
    expect(model.unit('client/0').queue.map((h) => `${h.hook}:${h.remoteUnit ?? ''}`)).toEqual([
      'db-relation-changed:',
      'db-relation-changed:app/0',
    ]);
    expect(model.unit('app/1').queue).toEqual([]);
  });

  it('a commit while the remote changed hook already runs queues another changed', () => {
    const { model, relation } = relatedModel('db');
    commitRelationData(model, 'app/0', { relationId: relation.id, unit: { host: 'h' }, app: null });
    const client = model.unit('client/0');
    const running = client.queue[0]!;
    hookStarted(model, client, running); // it may read the bag before the next commit lands
    commitRelationData(model, 'app/0', { relationId: relation.id, unit: { password: 'p' }, app: null });
    expect(client.queue.map((h) => `${h.hook}:${h.remoteUnit}`)).toEqual([
      'db-relation-changed:app/0',
      'db-relation-changed:app/0',
    ]);
    commitRelationData(model, 'app/0', { relationId: relation.id, unit: { port: '1' }, app: null }); // the new one is pending: coalesced
    expect(client.queue).toHaveLength(2);
    hookFinished(model, client, running, true);
    expect(drain(model)).toEqual(['client/0:db-relation-changed:app/0']);
  });

  it('unrelate drops pending joins and departs only units in scope', () => {
    const model = testModel();
    drain(model);
    const relation = relate(model, { app: 'client' }, { app: 'app', endpoint: 'db' });
    unrelate(model, { app: 'app' }, { app: 'client' });
    expect(model.unit('client/0').queue.map((h) => h.hook)).toEqual(['db-relation-broken']);
    drain(model);
    expect(model.findRelation(relation.id)).toBeUndefined();
  });

  it('a failed hook pauses the unit; resolve retries or skips it', () => {
    const model = testModel();
    const ran = drain(model, 'app/0:config-changed');
    expect(of(ran, 'app/0')).toEqual(['install', 'cluster-relation-created', 'leader-elected', 'config-changed']);
    expect(model.displayStatus(model.unit('app/0'))).toMatchObject({
      status: 'error',
      message: 'hook failed: "config-changed"',
    });
    resolveUnit(model, 'app/0', true);
    expect(of(drain(model), 'app/0')[0]).toBe('config-changed');
    setConfig(model, 'app', ['port=1']);
    drain(model, 'app/0:config-changed');
    resolveUnit(model, 'app/0', false);
    expect(of(drain(model), 'app/0')).toEqual([]);
    expect(() => resolveUnit(model, 'app/0', true)).toThrow('unit is not in error: app/0');
  });

  it('removing the leader re-elects, and removal breaks each relation (departed, broken) before stop, remove', () => {
    const { model } = relatedModel();
    removeUnit(model, 'app/0');
    expect(model.app('app').leader).toBe('app/1');
    const ran = drain(model);
    expect(of(ran, 'app/0')).toEqual([
      'cluster-relation-departed:app/1',
      'db-relation-departed:client/0',
      'db-relation-broken',
      'stop',
      'remove',
    ]);
    expect(of(ran, 'app/1')).toEqual(['leader-elected', 'cluster-relation-departed:app/0']);
    expect(of(ran, 'client/0')).toEqual(['db-relation-departed:app/0']);
    expect(model.findUnit('app/0')).toBeUndefined();
    expect(() => removeUnit(model, 'app/0')).toThrow(/unit not found: app\/0/);
  });

  it('removing an application removes its relations once both sides broke', () => {
    const { model } = relatedModel();
    removeApplication(model, 'app');
    const ran = drain(model);
    expect(of(ran, 'client/0')).toEqual([
      'db-relation-departed:app/0',
      'db-relation-departed:app/1',
      'db-relation-broken',
    ]);
    expect(Object.keys(model.data.applications)).toEqual(['client']);
    expect(model.data.relations.map((r) => r.endpoints[0].endpoint)).toEqual(['cluster']);
  });

  it('config validation refuses everything at once and changes nothing', () => {
    const model = testModel();
    drain(model);
    const before = JSON.stringify(model.data);
    expect(() => setConfig(model, 'app', ['port=1', 'nope=2', 'debug=perhaps'])).toThrow(
      'invalid config for app:\n  nope: unknown option (the charm has: debug, greeting, nothing, port, ratio)\n  debug: expected boolean, got "perhaps"',
    );
    expect(JSON.stringify(model.data)).toBe(before);
    expect(setConfig(model, 'app', ['port=8080'])).toEqual([]);
    expect(model.runnableUnits()).toEqual([]);
    expect(setConfig(model, 'app', ['port=+1', 'ratio=1e3', 'debug=yes'])).toEqual(['debug', 'port', 'ratio']);
    expect(model.app('app').config).toEqual({ port: 1, ratio: 1000, debug: true });
  });
});

import { HASH_SCHEMA } from '../labels';
import { parseCompose } from '../model/parse-compose';
import { desiredState, withNetworkContainer, type DesiredState } from './desired-state';
import type { ObservedContainer, ObservedState } from './observed-state';
import { formatPlan, isWrite, plan } from './plan';
import { planKinds } from '../../../test/support/plan-kinds';

const IMG = { x: 'sha256:aaa', y: 'sha256:bbb' };

function desired(text: string, imageIds: Record<string, string | undefined> = IMG): DesiredState {
  return desiredState(parseCompose(text, { file: '/p/docker-compose.yml', env: {} }), {
    project: 'p',
    configFiles: [],
    imageIds,
  });
}

const FILE = 'services:\n  db: {image: y}\n  web: {image: x, depends_on: [db]}\n';

function running(
  d: DesiredState,
  service: string,
  number: number,
  over: Partial<ObservedContainer> = {},
): ObservedContainer {
  const svc = d.services.find((s) => s.name === service)!;
  return {
    id: `${service}-${number}`,
    name: `p_${service}_${number}`,
    service,
    number,
    oneoff: false,
    state: 'running',
    configHash: svc.hash,
    hashSchema: HASH_SCHEMA,
    imageId: svc.imageId ?? 'sha256:none',
    ...over,
  };
}

function observed(containers: ObservedContainer[], networks = ['p_default']): ObservedState {
  return { containers, networks, volumes: [], images: IMG };
}

const kinds = planKinds;

describe('plan', () => {
  it('creates networks and every container, dependencies first, on a cold project', () => {
    const d = desired(FILE);
    const actions = plan(d, observed([], []));
    expect(kinds(actions)).toEqual(['create-network', 'create db#1', 'create web#1']);
    expect(actions[1].reason).toBe('no existing container');
  });

  it('leaves everything when nothing changed (no writes)', () => {
    const d = desired(FILE);
    const actions = plan(d, observed([running(d, 'db', 1), running(d, 'web', 1)]));
    expect(kinds(actions)).toEqual(['leave db#1', 'leave web#1']);
    expect(actions.filter(isWrite)).toEqual([]);
    expect(actions[0].reason).toBe('up to date and running');
  });

  it('starts stopped containers', () => {
    const d = desired(FILE);
    const actions = plan(d, observed([running(d, 'db', 1, { state: 'exited' }), running(d, 'web', 1)]));
    expect(kinds(actions)).toEqual(['start db#1', 'leave web#1']);
    expect(actions[0].reason).toBe('container is exited');
  });

  it('recreates only the service whose config hash changed', () => {
    const d = desired(FILE);
    const actions = plan(d, observed([running(d, 'db', 1), running(d, 'web', 1, { configHash: 'f'.repeat(64) })]));
    expect(kinds(actions)).toEqual(['leave db#1', 'recreate web#1']);
    expect(actions[1].reason).toMatch(/^config changed \(hash ffffffffffff → [0-9a-f]{12}\)$/);
  });

  it('recreates when the image id changed', () => {
    const d = desired(FILE);
    const actions = plan(d, observed([running(d, 'db', 1, { imageId: 'sha256:old' }), running(d, 'web', 1)]));
    expect(actions[0]).toMatchObject({ kind: 'recreate', reason: 'image changed (old → bbb)' });
  });

  it('recreates containers another tool created (no rxcharm hash schema)', () => {
    const d = desired(FILE);
    const actions = plan(d, observed([running(d, 'db', 1, { hashSchema: undefined }), running(d, 'web', 1)]));
    expect(actions[0]).toMatchObject({ kind: 'recreate', reason: expect.stringMatching(/another tool/) });
  });

  it('plans recreate after pull when the image is missing locally', () => {
    const d = desired(FILE, { x: 'sha256:aaa' });
    const c = running(desired(FILE), 'db', 1);
    expect(plan(d, observed([c, running(d, 'web', 1)]))[0]).toMatchObject({
      kind: 'recreate',
      reason: expect.stringMatching(/not present locally/),
    });
  });

  it('removes orphans by default, and keeps them when asked', () => {
    const d = desired(FILE);
    const containers = [
      running(d, 'db', 1),
      running(d, 'web', 1),
      running(d, 'db', 1, { service: 'old', id: 'old-1', name: 'p_old_1' }),
    ];
    const actions = plan(d, observed(containers));
    expect(actions[0]).toMatchObject({
      kind: 'remove-orphan',
      containerId: 'old-1',
      reason: 'service "old" is not in the compose file',
    });
    expect(kinds(plan(d, observed(containers), { removeOrphans: false }))).toEqual(['leave db#1', 'leave web#1']);
  });

  it('ignores one-off containers', () => {
    const d = desired(FILE);
    const actions = plan(
      d,
      observed([
        running(d, 'db', 1),
        running(d, 'web', 1),
        running(d, 'db', 1, { oneoff: true, service: 'gone', id: 'gone-1' }),
      ]),
    );
    expect(actions.filter(isWrite)).toEqual([]);
  });

  it('scales up with numbers after the highest existing one', () => {
    const d = desired('services:\n  web: {image: x, scale: 3}\n');
    const actions = plan(d, observed([running(d, 'web', 2)]));
    expect(kinds(actions)).toEqual(['leave web#2', 'scale-up web#3', 'scale-up web#4']);
    expect(actions[1]).toMatchObject({ name: 'p_web_3', reason: 'scale is 3, 1 container(s) exist' });
  });

  it('scales down by removing the highest numbers', () => {
    const d = desired('services:\n  web: {image: x, scale: 1}\n');
    const actions = plan(d, observed([running(d, 'web', 3), running(d, 'web', 1), running(d, 'web', 2)]));
    expect(kinds(actions)).toEqual(['leave web#1', 'scale-down web#2', 'scale-down web#3']);
    expect(actions[1].reason).toBe('scale is 1');
  });

  it('scales to zero and removes duplicate or unnumbered containers', () => {
    const d = desired('services:\n  web: {image: x, scale: 0}\n');
    expect(kinds(plan(d, observed([running(d, 'web', 1)])))).toEqual(['scale-down web#1']);
    const d1 = desired('services:\n  web: {image: x}\n');
    const actions = plan(
      d1,
      observed([
        running(d1, 'web', 1),
        running(d1, 'web', 1, { id: 'dup' }),
        running(d1, 'web', Number.NaN, { id: 'nan' }),
      ]),
    );
    expect(actions.map((a) => a.reason)).toEqual([
      'up to date and running',
      'duplicate container number 1',
      'container has no valid container-number label',
    ]);
  });

  it('limits the plan to a service and its dependencies, without orphan removal', () => {
    const d = desired('services:\n  db: {image: y}\n  web: {image: x, depends_on: [db]}\n  other: {image: x}\n');
    const actions = plan(d, observed([running(d, 'db', 1, { service: 'zzz' })]), { services: ['web'] });
    expect(kinds(actions)).toEqual(['create db#1', 'create web#1']);
  });

  it('uses container_name and creates volumes', () => {
    const d = desired(
      'services:\n  web: {image: x, container_name: fixed, volumes: ["data:/d"]}\nvolumes:\n  data: {}\n',
    );
    const actions = plan(d, observed([], []));
    expect(actions).toEqual([
      { kind: 'create-network', network: 'p_default', reason: 'network does not exist' },
      { kind: 'create-volume', volume: 'p_data', reason: 'volume does not exist' },
      { kind: 'create', service: 'web', number: 1, name: 'fixed', reason: 'no existing container' },
    ]);
    expect(formatPlan(actions)).toBe(
      'create-network  p_default: network does not exist\ncreate-volume  p_data: volume does not exist\ncreate  web#1 (fixed): no existing container',
    );
  });

  it('is pure: same input, same output, input untouched', () => {
    const d = desired(FILE);
    const o = observed([running(d, 'db', 1)]);
    const snapshot = JSON.stringify(o);
    expect(plan(d, o)).toEqual(plan(d, o));
    expect(JSON.stringify(o)).toBe(snapshot);
  });

  describe('network_mode: "service:<name>"', () => {
    const SHARED = 'services:\n  app: {image: x, network_mode: "service:db"}\n  db: {image: y}\n';
    // The dependent's container as it was created: its hash holds the db container's id.
    const dependent = (d: DesiredState, dbId: string): ObservedContainer => ({
      ...running(d, 'app', 1),
      configHash: withNetworkContainer(
        d.services.find((s) => s.name === 'app')!,
        dbId,
      ).hash,
    });

    it('orders the shared service first and depends on it', () => {
      const d = desired(SHARED);
      expect(d.services.map((s) => s.name)).toEqual(['db', 'app']);
      expect(d.services[1].dependsOn).toEqual({ db: { condition: 'service_started', required: true, restart: true } });
      expect(kinds(plan(d, observed([], [])))).toEqual(['create-network', 'create db#1', 'create app#1']);
    });

    it('leaves the dependent while it shares the current container of the service', () => {
      const d = desired(SHARED);
      expect(kinds(plan(d, observed([running(d, 'db', 1), dependent(d, 'db-1')])))).toEqual([
        'leave db#1',
        'leave app#1',
      ]);
    });

    it('recreates the dependent when the shared container is recreated, or when it joined another one', () => {
      const d = desired(SHARED);
      const dbChanged = running(d, 'db', 1, { configHash: 'f'.repeat(64) });
      const actions = plan(d, observed([dbChanged, dependent(d, 'db-1')]));
      expect(kinds(actions)).toEqual(['recreate db#1', 'recreate app#1']);
      expect(actions[1].reason).toBe('shares the network of service db, whose container is (re)created');
      expect(kinds(plan(d, observed([running(d, 'db', 1), dependent(d, 'gone')])))).toEqual([
        'leave db#1',
        'recreate app#1',
      ]);
    });
  });
});

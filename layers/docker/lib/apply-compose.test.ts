import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyValueStore, type Charm } from 'rxcharm';
import { DockerUnavailableError, type Compose, type PlanAction } from 'rxcharm/compose';
import { applyComposeFile } from './apply-compose';
import { PUBLISH_ADDRESS_KEY } from './publish-address';

/** The parts of a Charm applyComposeFile touches. */
function fakeCharm() {
  const statuses: string[] = [];
  const cleared: string[] = [];
  const status =
    (kind: string) =>
    async (message: string): Promise<void> =>
      void statuses.push(`${kind}: ${message}`);
  const kv = new KeyValueStore();
  const charm = {
    kv,
    config: { get: () => '' },
    log: { info: () => undefined, warn: () => undefined },
    clearFlag: (flag: string) => void cleared.push(flag),
    status: {
      waiting: status('waiting'),
      blocked: status('blocked'),
      active: status('active'),
      maintenance: status('maintenance'),
    },
  } as unknown as Charm;
  return { charm, kv, statuses, cleared };
}

function composeThat(up: () => Promise<PlanAction[]>): { compose: Compose; calls: () => number } {
  let calls = 0;
  return {
    compose: {
      up: async () => {
        calls += 1;
        return up();
      },
    } as unknown as Compose,
    calls: () => calls,
  };
}

describe('applyComposeFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rxcharm-apply-'));
  const file = join(dir, 'docker-compose.yml');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const actions = [{ kind: 'create', service: 'web', reason: 'missing' }] as unknown as PlanAction[];

  it('brings a new file up, then leaves an unchanged one alone', async () => {
    writeFileSync(file, 'services: {web: {image: a}}\n');
    const { charm } = fakeCharm();
    const { compose, calls } = composeThat(async () => actions);
    const before: string[] = [];
    await expect(
      applyComposeFile(charm, compose, {
        file,
        changed: true,
        appliedKey: 'k',
        beforeUp: async () => void before.push('starting'),
      }),
    ).resolves.toEqual({ ok: true, upped: true, actions });
    await expect(
      applyComposeFile(charm, compose, {
        file,
        changed: false,
        appliedKey: 'k',
        beforeUp: async () => void before.push('starting'),
      }),
    ).resolves.toEqual({ ok: true, upped: false });
    expect(calls()).toBe(1);
    expect(before).toEqual(['starting']);
  });

  it('brings an unchanged file up again when the publish address changed', async () => {
    writeFileSync(file, 'services: {web: {image: c, ports: ["5000:80"]}}\n');
    const { charm, kv } = fakeCharm();
    const { compose, calls } = composeThat(async () => actions);
    const apply = () => applyComposeFile(charm, compose, { file, changed: false, appliedKey: 'k' });
    await apply();
    await apply();
    expect(calls()).toBe(1);
    kv.set(PUBLISH_ADDRESS_KEY, '10.213.0.2');
    await expect(apply()).resolves.toEqual({ ok: true, upped: true, actions });
    await apply();
    expect(calls()).toBe(2);
  });

  it('brings the file up again when its content differs from the one applied, even if render saw no change', async () => {
    const { charm, kv } = fakeCharm();
    kv.set('k', 'digest of another file');
    writeFileSync(file, 'services: {web: {image: b}}\n');
    const { compose, calls } = composeThat(async () => actions);
    await expect(applyComposeFile(charm, compose, { file, changed: false, appliedKey: 'k' })).resolves.toMatchObject({
      ok: true,
      upped: true,
    });
    expect(calls()).toBe(1);
  });

  it('on a Docker fault reports it, keeps the old digest, and retries on the next call', async () => {
    writeFileSync(file, 'services: {web: {image: c}}\n');
    const { charm, kv, statuses, cleared } = fakeCharm();
    kv.set('k', 'old');
    const failing = composeThat(async () => Promise.reject(new DockerUnavailableError('unix:///run/docker.sock')));
    const outcome = await applyComposeFile(charm, failing.compose, { file, changed: true, appliedKey: 'k' });
    expect(outcome).toMatchObject({ ok: false, fault: { kind: 'docker-down' } });
    expect(kv.get('k')).toBe('old');
    expect(cleared).toEqual(['docker.available', 'docker.ready']);
    expect(statuses).toEqual(['waiting: Docker daemon unreachable (unix:///run/docker.sock); will retry']);
    const working = composeThat(async () => actions);
    await expect(
      applyComposeFile(charm, working.compose, { file, changed: false, appliedKey: 'k' }),
    ).resolves.toMatchObject({ ok: true, upped: true });
    expect(kv.get('k')).not.toBe('old');
  });

  it('lets any other error fail the hook, recording nothing', async () => {
    writeFileSync(file, 'services: {web: {image: d}}\n');
    const { charm, kv } = fakeCharm();
    const bug = new Error('bug');
    await expect(
      applyComposeFile(charm, composeThat(async () => Promise.reject(bug)).compose, {
        file,
        changed: true,
        appliedKey: 'k',
      }),
    ).rejects.toBe(bug);
    expect(kv.get('k')).toBeUndefined();
  });
});

import { DockerApiError, DockerUnavailableError, ImagePullError, type Compose, type PlanAction } from 'rxcharm/compose';
import { savedWorkloadStatus } from 'layer:basic';
import { classifyComposeError, pullReason, upOrReport } from './compose-faults';
import { fakeCharm } from './fake-charm';

describe('classifyComposeError', () => {
  it('maps a lost daemon, an unpullable image and 5xx answers; leaves the rest alone', () => {
    expect(classifyComposeError(new DockerUnavailableError('unix:///x.sock'), '')).toEqual({
      kind: 'docker-down',
      status: 'waiting',
      message: 'Docker daemon unreachable (unix:///x.sock); will retry',
    });
    expect(classifyComposeError(new ImagePullError('nope:1', 'not found'), '')).toEqual({
      kind: 'image',
      status: 'blocked',
      message: 'Cannot pull image nope:1 (not found)',
      image: 'nope:1',
    });
    expect(classifyComposeError(new DockerApiError('start container', 'c1', 500, 'store closed'), '')).toBe(
      'server-error',
    );
    expect(classifyComposeError(new DockerApiError('create container', 'c1', 409, 'name in use'), '')).toBeUndefined();
    expect(classifyComposeError(new Error('boom'), '')).toBeUndefined();
  });
});

describe('pullReason', () => {
  it("keeps the reason's first non-empty line, shortened for a status", () => {
    expect(pullReason(new ImagePullError('x', '\npull access denied for x, repository does not exist\nmore'))).toBe(
      'pull access denied for x, repository does not exist',
    );
    expect(pullReason(new ImagePullError('x', ''))).toBe('pull failed');
    expect(pullReason(new ImagePullError('x', '(HTTP code 404) unexpected - pull access denied for x'))).toBe(
      'pull access denied for x',
    );
    const long = pullReason(new ImagePullError('x', 'y'.repeat(500)));
    expect(long).toHaveLength(120);
    expect(long.endsWith('…')).toBe(true);
  });
});

const failingUp = (error: unknown): Compose => ({ up: async () => Promise.reject(error) }) as unknown as Compose;
const noSleep = async (): Promise<void> => undefined;

describe('upOrReport', () => {
  it('returns the plan when up succeeds', async () => {
    const { charm, statuses } = fakeCharm();
    const actions = [{ kind: 'leave' }] as unknown as PlanAction[];
    await expect(upOrReport(charm, { up: async () => actions } as unknown as Compose)).resolves.toEqual({
      ok: true,
      actions,
    });
    expect(statuses).toEqual([]);
  });

  it('a lost daemon: clears docker.available/ready and says so', async () => {
    const { charm, cleared, statuses } = fakeCharm();
    const result = await upOrReport(charm, failingUp(new DockerUnavailableError('unix:///run/d.sock')));
    expect(result).toMatchObject({ ok: false, fault: { kind: 'docker-down' } });
    expect(cleared).toEqual(['docker.available', 'docker.ready']);
    expect(statuses).toEqual(['waiting: Docker daemon unreachable (unix:///run/d.sock); will retry']);
  });

  it('an image that cannot be pulled: blocked naming it and why, flags kept, status remembered for update-status', async () => {
    const { charm, cleared, statuses, kv } = fakeCharm();
    await upOrReport(charm, failingUp(new ImagePullError('nope:1', 'not found')));
    expect(cleared).toEqual([]);
    expect(statuses).toEqual(['blocked: Cannot pull image nope:1 (not found)']);
    expect(savedWorkloadStatus(kv)).toEqual({ status: 'blocked', message: 'Cannot pull image nope:1 (not found)' });
  });

  it('a 5xx from a daemon that then stops answering counts as a lost daemon', async () => {
    const { charm, statuses } = fakeCharm();
    const answers = [true, false];
    const result = await upOrReport(charm, failingUp(new DockerApiError('start container', 'c', 500, 'store closed')), {
      ping: async () => answers.shift() ?? false,
      sleep: noSleep,
    });
    expect(result).toMatchObject({ ok: false, fault: { kind: 'docker-down' } });
    expect(statuses).toHaveLength(1);
  });

  it('a 5xx from a daemon that keeps answering, and any other error, fail the hook', async () => {
    const { charm, statuses } = fakeCharm();
    const serverError = new DockerApiError('start container', 'c', 500, 'oops');
    await expect(
      upOrReport(charm, failingUp(serverError), { ping: async () => true, sleep: noSleep, pings: 3 }),
    ).rejects.toBe(serverError);
    const other = new Error('bug');
    await expect(upOrReport(charm, failingUp(other))).rejects.toBe(other);
    expect(statuses).toEqual([]);
  });
});

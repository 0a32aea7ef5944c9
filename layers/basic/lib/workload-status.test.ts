import { KeyValueStore } from 'rxcharm';
import { reportStatusFromRules } from './report-status';
import type { StatusRule } from './status-summary';
import { savedWorkloadStatus, setWorkloadStatus, WORKLOAD_STATUS_KEY } from './workload-status';

/** A charm stand-in: its statuses set, its kv, its flags and layer options. */
function charm(flags: readonly string[], rules: readonly StatusRule[]) {
  const set: string[] = [];
  const record =
    (status: string) =>
    async (message = '') =>
      void set.push(`${status}: ${message}`);
  return {
    set,
    kv: new KeyValueStore(),
    status: {
      active: record('active'),
      blocked: record('blocked'),
      maintenance: record('maintenance'),
      waiting: record('waiting'),
    },
    isFlagSet: (flag: string) => flags.includes(flag),
    layerOption: <T>(layer: string, key: string): T =>
      (layer === 'basic' && key === 'status-rules' ? rules : 'ready') as T,
  };
}

const dockerRule: StatusRule = { until: 'docker.ready', status: 'waiting', message: 'Waiting for Docker daemon' };

describe('setWorkloadStatus and the update-status report', () => {
  it('sets the status and remembers it', async () => {
    const c = charm([], []);
    await setWorkloadStatus(c, 'active', 'Ready on 10.0.0.7:6379');
    expect(c.set).toEqual(['active: Ready on 10.0.0.7:6379']);
    expect(savedWorkloadStatus(c.kv)).toEqual({ status: 'active', message: 'Ready on 10.0.0.7:6379' });
  });

  it("shows the charm's own status again while every rule holds", async () => {
    const c = charm(['docker.ready'], [dockerRule]);
    await setWorkloadStatus(c, 'blocked', 'vote_port must be a TCP port');
    await expect(reportStatusFromRules(c)).resolves.toEqual({
      status: 'blocked',
      message: 'vote_port must be a TCP port',
    });
    expect(c.set.at(-1)).toBe('blocked: vote_port must be a TCP port');
  });

  it("lets an unmet rule win over the charm's status, and shows the active message when nothing was set", async () => {
    const down = charm([], [dockerRule]);
    await setWorkloadStatus(down, 'active', 'Ready');
    await expect(reportStatusFromRules(down)).resolves.toEqual({
      status: 'waiting',
      message: 'Waiting for Docker daemon',
    });
    await expect(reportStatusFromRules(charm(['docker.ready'], [dockerRule]))).resolves.toEqual({
      status: 'active',
      message: 'ready',
    });
  });

  it('ignores a malformed remembered status', () => {
    const kv = new KeyValueStore({ [WORKLOAD_STATUS_KEY]: { status: 'error', message: 'x' } });
    expect(savedWorkloadStatus(kv)).toBeUndefined();
    expect(savedWorkloadStatus(new KeyValueStore({ [WORKLOAD_STATUS_KEY]: 'active' }))).toBeUndefined();
  });
});

import { KeyValueStore, PortBuffer } from 'rxcharm';
import { isSettingsProblem, readPort, settingsOrBlocked, type RawConfig } from './config-settings';
import { reconcileOpenedPorts } from './opened-ports';
import { newSecret, storedSecret } from './stored-secret';
import { savedWorkloadStatus } from './workload-status';

describe('readPort', () => {
  it('reads integers from 1 to 65535', () => {
    expect(readPort({ port: 1 }, 'port')).toBe(1);
    expect(readPort({ port: 65535 }, 'port')).toBe(65535);
  });

  it.each([[0], [65536], [-1], [80.5], ['8080'], [true], [null], [undefined]])(
    'refuses %j, naming the option and the value',
    (value) => {
      const problem = readPort({ vote_port: value }, 'vote_port');
      expect(isSettingsProblem(problem)).toBe(true);
      expect(problem).toEqual({
        option: 'vote_port',
        message: `vote_port must be a TCP port between 1 and 65535, got ${JSON.stringify(value ?? null)}`,
      });
    },
  );
});

describe('settingsOrBlocked', () => {
  const charm = (config: RawConfig) => {
    const statuses: string[] = [];
    const warnings: unknown[] = [];
    const record =
      (status: string) =>
      async (message = '') =>
        void statuses.push(`${status}: ${message}`);
    return {
      statuses,
      warnings,
      kv: new KeyValueStore(),
      config: { all: () => config },
      log: { warn: (obj: object, msg: string) => void warnings.push([obj, msg]) },
      status: {
        active: record('active'),
        blocked: record('blocked'),
        maintenance: record('maintenance'),
        waiting: record('waiting'),
      },
    };
  };
  const read = (config: RawConfig) => readPort(config, 'port');

  it('returns the settings and touches no status when they are valid', async () => {
    const c = charm({ port: 8080 });
    await expect(settingsOrBlocked(c, read)).resolves.toBe(8080);
    expect(c.statuses).toEqual([]);
  });

  it('blocks with the problem (remembered for update-status), logs it and returns undefined', async () => {
    const c = charm({ port: 0 });
    await expect(settingsOrBlocked(c, read)).resolves.toBeUndefined();
    const message = 'port must be a TCP port between 1 and 65535, got 0';
    expect(c.statuses).toEqual([`blocked: ${message}`]);
    expect(c.warnings).toEqual([[{ option: 'port' }, message]]);
    expect(savedWorkloadStatus(c.kv)).toEqual({ status: 'blocked', message });
  });
});

describe('storedSecret', () => {
  const charm = () => {
    const marked: string[] = [];
    return { marked, kv: new KeyValueStore(), markSecret: (value: string) => (marked.push(value), value) };
  };

  it('generates once, keeps the value in the kv store and marks it secret on every read', () => {
    const c = charm();
    const first = storedSecret(c, 'app.password');
    expect(first).toMatch(/^[0-9a-f]{48}$/);
    expect(c.kv.get('app.password')).toBe(first);
    expect(storedSecret(c, 'app.password')).toBe(first);
    expect(c.marked).toEqual([first, first]);
  });

  it('takes a generator, and replaces a stored value that is not a string', () => {
    const c = charm();
    c.kv.set('app.password', 42);
    expect(storedSecret(c, 'app.password', () => 'from-generator')).toBe('from-generator');
    expect(c.kv.get('app.password')).toBe('from-generator');
  });

  it('newSecret gives a different value each time', () => {
    expect(newSecret()).not.toBe(newSecret());
  });
});

describe('reconcileOpenedPorts', () => {
  const charm = () => ({ kv: new KeyValueStore(), ports: new PortBuffer() });

  it('opens the wanted ports and closes only those no longer wanted', () => {
    const c = charm();
    reconcileOpenedPorts(c, 'app.ports', [5000, 5001]);
    reconcileOpenedPorts(c, 'app.ports', [5000, 6001]);
    expect(c.ports.pending()).toEqual([
      'open 5000/tcp',
      'open 5001/tcp',
      'close 5001/tcp',
      'open 5000/tcp',
      'open 6001/tcp',
    ]);
    expect(c.kv.get('app.ports')).toEqual([5000, 6001]);
  });

  it('understands the single number earlier charm versions stored', () => {
    const c = charm();
    c.kv.set('app.port', 6379);
    reconcileOpenedPorts(c, 'app.port', [16379]);
    expect(c.ports.pending()).toEqual(['close 6379/tcp', 'open 16379/tcp']);
    expect(c.kv.get('app.port')).toEqual([16379]);
  });
});

import { KeyValueStore, type Charm } from 'rxcharm';

/** What {@link fakeCharm} gives a test: the charm and what was done to it. */
export interface FakeCharm {
  readonly charm: Charm;
  readonly kv: KeyValueStore;
  /** `<status>: <message>` per status set, in order. */
  readonly statuses: string[];
  /** Flags cleared, in order. */
  readonly cleared: string[];
}

/**
 * For this layer's unit tests: the parts of a `Charm` its helpers touch (kv, `docker_host`
 * config, log, clearFlag, status), recording the statuses set and the flags cleared. Not exported
 * by the layer.
 */
export function fakeCharm(dockerHost = 'unix:///run/d.sock'): FakeCharm {
  const statuses: string[] = [];
  const cleared: string[] = [];
  const kv = new KeyValueStore();
  const status =
    (kind: string) =>
    async (message: string): Promise<void> =>
      void statuses.push(`${kind}: ${message}`);
  const charm = {
    kv,
    config: { get: () => dockerHost },
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

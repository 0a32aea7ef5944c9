import { UnitLanes } from './unit-lanes';

/** Units with queues of hook names; each hook runs until the test finishes it. */
class FakeUnits {
  readonly queues = new Map<string, string[]>();
  readonly errors = new Set<string>();
  readonly log: string[] = [];
  private readonly pending = new Map<string, () => void>();
  /** Called when a hook starts (before it is finished by the test). */
  onStart: (unit: string, hook: string) => void = () => undefined;

  constructor(queues: Record<string, string[]>) {
    for (const [unit, hooks] of Object.entries(queues)) this.queues.set(unit, [...hooks]);
  }

  runnable = (): string[] =>
    [...this.queues].filter(([unit, q]) => q.length > 0 && !this.errors.has(unit)).map(([unit]) => unit);

  runNext = async (unit: string): Promise<void> => {
    const hook = this.queues.get(unit)![0]!;
    this.log.push(`start ${unit} ${hook}`);
    this.onStart(unit, hook);
    await new Promise<void>((resolve) => this.pending.set(`${unit} ${hook}`, resolve));
    this.queues.get(unit)!.shift();
    this.log.push(`end ${unit} ${hook}`);
  };

  running(): string[] {
    return [...this.pending.keys()].sort();
  }

  async finish(unit: string, hook: string): Promise<void> {
    const done = this.pending.get(`${unit} ${hook}`);
    if (done === undefined) throw new Error(`${unit} ${hook} is not running (running: ${this.running().join(', ')})`);
    this.pending.delete(`${unit} ${hook}`);
    done();
    await flush();
  }
}

async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

/** Lanes over `units`, kicked: the first hook of every runnable unit is running. */
async function kickedLanes(units: FakeUnits): Promise<UnitLanes> {
  const lanes = new UnitLanes(units);
  lanes.kick();
  await flush();
  return lanes;
}

/** Tells, when called, whether `promise` has settled yet. */
function settled(promise: Promise<unknown>): () => boolean {
  let done = false;
  void promise.then(() => (done = true));
  return () => done;
}

/**
 * `halt` (a pause or a stop of lanes running the installs of a/0 and b/0) settles only once both
 * running hooks ended, and starts no other hook meanwhile or after, even when kicked.
 */
async function expectHaltAfterRunningHooks(units: FakeUnits, lanes: UnitLanes, halt: Promise<void>): Promise<void> {
  const halted = settled(halt);
  await units.finish('a/0', 'install');
  expect(units.running()).toEqual(['b/0 install']);
  expect(halted()).toBe(false);
  await units.finish('b/0', 'install');
  expect(halted()).toBe(true);
  lanes.kick();
  await flush();
  expect(units.running()).toEqual([]);
}

describe('UnitLanes', () => {
  it('runs one hook at a time per unit and different units at the same time', async () => {
    const units = new FakeUnits({ 'a/0': ['install', 'start'], 'a/1': ['install'], 'b/0': ['install', 'start'] });
    const lanes = await kickedLanes(units);
    expect(units.running()).toEqual(['a/0 install', 'a/1 install', 'b/0 install']);
    await units.finish('a/0', 'install');
    expect(units.running()).toEqual(['a/0 start', 'a/1 install', 'b/0 install']);
    await units.finish('a/0', 'start');
    await units.finish('b/0', 'install');
    await units.finish('a/1', 'install');
    await units.finish('b/0', 'start');
    expect(lanes.running()).toEqual([]);
    const order = (unit: string) => units.log.filter((l) => l.includes(unit));
    expect(order('a/0')).toEqual(['start a/0 install', 'end a/0 install', 'start a/0 start', 'end a/0 start']);
  });

  it('picks up hooks a running hook queues on another unit', async () => {
    const units = new FakeUnits({ 'a/0': ['db-relation-joined'], 'b/0': [] });
    units.onStart = (unit) => {
      if (unit === 'a/0') units.queues.get('b/0')!.push('db-relation-changed');
    };
    const lanes = await kickedLanes(units);
    expect(units.running()).toEqual(['a/0 db-relation-joined']);
    await units.finish('a/0', 'db-relation-joined');
    expect(units.running()).toEqual(['b/0 db-relation-changed']);
    await units.finish('b/0', 'db-relation-changed');
    await lanes.idle();
  });

  it('skips units in error and is idle when only they have hooks', async () => {
    const units = new FakeUnits({ 'a/0': ['start'], 'b/0': ['install'] });
    units.errors.add('a/0');
    const lanes = await kickedLanes(units);
    expect(units.running()).toEqual(['b/0 install']);
    const idle = settled(lanes.idle());
    await flush();
    expect(idle()).toBe(false);
    await units.finish('b/0', 'install');
    expect(idle()).toBe(true);
    units.errors.delete('a/0');
    lanes.kick();
    await flush();
    expect(units.running()).toEqual(['a/0 start']);
  });

  it('pauses after the running hooks and resumes', async () => {
    const units = new FakeUnits({ 'a/0': ['install', 'start'], 'b/0': ['install'] });
    const lanes = await kickedLanes(units);
    await expectHaltAfterRunningHooks(units, lanes, lanes.pause());
    lanes.resume();
    await flush();
    expect(units.running()).toEqual(['a/0 start']);
  });

  it('runs an exclusive task after the unit’s running hook while other units go on', async () => {
    const units = new FakeUnits({ 'a/0': ['install', 'start'], 'b/0': ['install', 'start'] });
    const lanes = await kickedLanes(units);
    let release!: () => void;
    const task = lanes.exclusive('a/0', async () => {
      units.log.push('action a/0');
      await new Promise<void>((resolve) => (release = resolve));
      return 'done';
    });
    await flush();
    expect(units.log).not.toContain('action a/0');
    await units.finish('a/0', 'install');
    expect(units.log).toContain('action a/0');
    expect(units.running()).toEqual(['b/0 install']);
    await units.finish('b/0', 'install');
    expect(units.running()).toEqual(['b/0 start']);
    release();
    await expect(task).resolves.toBe('done');
    await flush();
    expect(units.running()).toEqual(['a/0 start', 'b/0 start']);
  });

  it('stops: the running hooks end, no other starts', async () => {
    const units = new FakeUnits({ 'a/0': ['install', 'start'], 'b/0': ['install'] });
    const lanes = await kickedLanes(units);
    await expectHaltAfterRunningHooks(units, lanes, lanes.stop());
    expect(units.queues.get('a/0')).toEqual(['start']);
  });

  it('reports a fault and stops that unit’s lane until resumed', async () => {
    const faults: string[] = [];
    let calls = 0;
    const lanes = new UnitLanes({
      runnable: () => ['a/0'],
      runNext: async () => {
        calls++;
        throw new Error('disk full');
      },
      onFault: (unit, error) => faults.push(`${unit}: ${(error as Error).message}`),
    });
    lanes.kick();
    await flush();
    expect(faults).toEqual(['a/0: disk full']);
    expect(calls).toBe(1);
    await lanes.idle();
    lanes.resume();
    await flush();
    expect(calls).toBe(2);
  });
});

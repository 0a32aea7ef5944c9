import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findPackageRoot, searchPathFromEnv } from '../../../framework/build';
import { DevSession, TypeCheckError, type DevCycle } from '../../../framework/dev';

const GREET = `
  @when('status-app.installed')
  @whenNot('status-app.greeted')
  greet(): void {
    this.setFlag('status-app.greeted');
  }
}
`;

/** Cycles as they end, awaited one by one. */
class Cycles {
  private readonly seen: DevCycle[] = [];
  private waiters: Array<(c: DevCycle) => void> = [];
  readonly all: DevCycle[] = [];
  push = (cycle: DevCycle): void => {
    this.all.push(cycle);
    const waiter = this.waiters.shift();
    if (waiter) waiter(cycle);
    else this.seen.push(cycle);
  };
  next(): Promise<DevCycle> {
    const ready = this.seen.shift();
    return ready ? Promise.resolve(ready) : new Promise((done) => this.waiters.push(done));
  }
}

describe('rxcharm dev: the session', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rxcharm-dev-'));
  const layer = join(dir, 'status-app');
  const handlerFile = join(layer, 'reactive', 'status-app.ts');
  const cycles = new Cycles();
  let session: DevSession;
  const root = findPackageRoot();

  beforeAll(async () => {
    cpSync(resolve(__dirname, '../../fixtures/layers/status-app'), layer, { recursive: true });
    session = await DevSession.start({
      layerDir: layer,
      modelDir: join(dir, 'model'),
      searchPath: searchPathFromEnv({}, root),
      packageRoot: root,
      basePath: process.env.PATH ?? '/usr/bin:/bin',
      address: '10.1.2.3',
      debounceMs: 300,
      onCycle: cycles.push,
    });
  });
  afterAll(async () => {
    await session.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('deploys the layer on the first cycle and watches its whole stack', async () => {
    const first = await cycles.next();
    expect(first.outcome).toBe('deployed');
    expect(first.hooks.map((h) => `${h.hook}:${h.outcome}`)).toEqual([
      'install:ok',
      'leader-elected:ok',
      'config-changed:ok',
      'start:ok',
    ]);
    expect(session.watchedLayers).toEqual(expect.arrayContaining([layer, join(root, 'layers', 'basic')]));
  });

  it('refreshes after a save and explains how each hook dispatch changed', async () => {
    writeFileSync(handlerFile, readFileSync(handlerFile, 'utf8').replace(/}\s*$/, GREET));
    const cycle = await cycles.next();
    expect(cycle.outcome).toBe('refreshed');
    expect(cycle.files).toEqual([handlerFile]);
    expect(cycle.hooks.map((h) => `${h.unit}:${h.hook}:${h.outcome}`)).toEqual([
      'status-app/0:upgrade-charm:ok',
      'status-app/0:config-changed:ok',
    ]);
    const upgrade = cycle.diffs.find((d) => d.hook === 'upgrade-charm')!;
    expect(upgrade.compared).toBe(false);
    expect(upgrade.invoked.some((h) => /greet/.test(h))).toBe(true);
    const config = cycle.diffs.find((d) => d.hook === 'config-changed')!;
    expect(config.compared).toBe(true);
    expect(config.nowSet).toContain('status-app.greeted');
    expect(config).toMatchObject({ nowRun: [], noLongerRun: [], cleared: [] });
  });

  it('shows a type error with file:line and deploys nothing', async () => {
    const good = readFileSync(handlerFile, 'utf8');
    writeFileSync(handlerFile, good.replace("this.setFlag('status-app.greeted');", 'this.setFlag(42);'));
    const cycle = await cycles.next();
    expect(cycle.outcome).toBe('build-failed');
    expect(cycle.error).toBeInstanceOf(TypeCheckError);
    expect(cycle.error!.message).toContain(`${handlerFile}:18:`);
    expect(cycle.hooks).toEqual([]);
    expect(readFileSync(join(dir, 'model/units/status-app-0/charm/lib/charm.bundle.js'), 'utf8')).toContain(
      'status-app.greeted',
    );
    writeFileSync(handlerFile, good);
    // The fixed layer builds exactly the charm the units run: nothing to refresh.
    expect((await cycles.next()).outcome).toBe('unchanged');
  });

  it('shows a layer file error with file:line and deploys nothing', async () => {
    const layerYaml = join(layer, 'layer.yaml');
    const good = readFileSync(layerYaml, 'utf8');
    writeFileSync(layerYaml, `${good}options: [\n`);
    const cycle = await cycles.next();
    expect(cycle.outcome).toBe('build-failed');
    expect(cycle.error!.message).toMatch(new RegExp(`invalid layer file: ${layerYaml}:\\d+`));
    expect(cycle.hooks).toEqual([]);
    writeFileSync(layerYaml, good);
    expect((await cycles.next()).outcome).toBe('unchanged');
  });

  it('makes one rebuild of several saves in quick succession', async () => {
    const before = cycles.all.length;
    const good = readFileSync(handlerFile, 'utf8');
    for (const n of [1, 2, 3]) writeFileSync(handlerFile, `${good}// save ${n}\n`);
    const cycle = await cycles.next();
    await session.idle();
    expect(cycles.all.length).toBe(before + 1);
    // The charm ships its reactive sources: a comment is a change to deploy.
    expect(cycle.outcome).toBe('refreshed');
    expect(cycle.diffs.map((d) => d.hook)).toEqual(['upgrade-charm', 'config-changed']);
  });
});

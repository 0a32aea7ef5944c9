import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCharm } from '../../../framework/build';
import { FakeJuju } from '../../../test/fixtures/fake-juju';

// Builds a charm (esbuild) and runs a hook process: allow for a loaded machine.
jest.setTimeout(60_000);

const REPO = join(__dirname, '..', '..', '..');
const work = mkdtempSync(join(tmpdir(), 'rxcharm-docs-fake-juju-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('runs a relation hook of a built charm against the fake tools', async () => {
  const { outputDir: charmDir } = await buildCharm({
    layerDir: join(__dirname, 'fixtures', 'web'),
    outputDir: join(work, 'web'),
    searchPath: { layers: [join(REPO, 'layers')], interfaces: [join(REPO, 'interfaces')] },
  });

  // #region fake-juju
  const juju = FakeJuju.create({ charmDir, unit: 'web/0', config: { port: 80 } });
  const rel = juju.addRelation('website', 'haproxy');
  juju.addRemoteUnit(rel, 'haproxy/0', {});
  const run = await juju.runHook('website-relation-joined', {
    command: ['node', `${charmDir}/lib/charm.js`], relation: { relationId: rel, remoteUnit: 'haproxy/0' },
  });
  expect(run.exitCode).toBe(0);
  expect(juju.published(rel)).toEqual({ port: '80', hostname: 'web.example' });
  juju.dispose();
  // #endregion
});

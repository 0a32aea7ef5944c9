import { join } from 'node:path';
import { formatFinding, proofCharm } from '../../../framework/build';
import { FakeJuju } from '../../fixtures/fake-juju';
import { buildFixtureCharm, PACKAGE_SEARCH_PATH, suiteDir } from './helpers';

// Spawns node processes (bundles, hooks, the CLI): allow for a loaded machine.
jest.setTimeout(120_000);

const searchPath = PACKAGE_SEARCH_PATH;

describe('layer:basic status rules on update-status', () => {
  const root = suiteDir('status');
  let charmDir: string;

  beforeAll(async () => {
    charmDir = (await buildFixtureCharm('status-app', root)).outputDir;
  }, 60_000);

  it('proofs clean: flags read by status rules count as consumed', () => {
    expect(proofCharm(charmDir, searchPath).map(formatFinding)).toEqual([]);
  });

  it('derives the workload status from the merged rules and the unit flags', async () => {
    const juju = FakeJuju.create({ charmDir, config: { port: 0 } });
    try {
      const hook = async (name: string): Promise<string> => {
        const run = await juju.runHook(name, { command: [join(charmDir, 'dispatch')] });
        expect(run.exitCode).toBe(0);
        const { status, message } = juju.model().status;
        return `${status}: ${message}`;
      };
      await hook('install');
      expect(await hook('update-status')).toBe('blocked: set the port option');
      juju.setConfig({ port: 8080 });
      await hook('config-changed');
      expect(await hook('update-status')).toBe('active: serving');
    } finally {
      juju.dispose();
    }
  }, 120_000);
});

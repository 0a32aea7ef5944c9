import { join } from 'node:path';
import { formatFinding, proofCharm } from '../../../framework/build';
import { FakeJuju } from '../../fixtures/fake-juju';
import { buildFixtureCharm, PACKAGE_SEARCH_PATH, suiteDir } from './helpers';

// Spawns node processes (bundles, hooks, the CLI): allow for a loaded machine.
jest.setTimeout(120_000);

const searchPath = PACKAGE_SEARCH_PATH;

describe('a built charm with interface:redis, relation hook by relation hook', () => {
  const root = suiteDir('relation');
  let charmDir: string;

  beforeAll(async () => {
    const result = await buildFixtureCharm('redis-client', root);
    charmDir = result.outputDir;
    expect(Object.keys(result.manifest.files)).toEqual(
      expect.arrayContaining(['hooks/cache-relation-joined', 'interfaces/redis/index.ts']),
    );
  }, 60_000);

  it('proofs clean: the interface sets the flags the charm waits for', () => {
    expect(proofCharm(charmDir, searchPath).map(formatFinding)).toEqual([]);
  });

  it('follows the relation through joined, changed, departed and broken', async () => {
    const juju = FakeJuju.create({ charmDir });
    try {
      const status = (): string => `${juju.model().status.status}: ${juju.model().status.message}`;
      const hook = async (
        name: string,
        relation?: { relationId: string; remoteUnit?: string; departingUnit?: string },
      ): Promise<void> => {
        const run = await juju.runHook(name, {
          command: [join(charmDir, 'hooks', name)],
          ...(relation === undefined ? {} : { relation }),
        });
        if (run.exitCode !== 0) throw new Error(`${name} failed: ${run.stderr}`);
      };
      await hook('install');
      expect(status()).toBe('waiting: waiting for redis');

      const rel = juju.addRelation('cache', 'redis');
      await hook('cache-relation-created', { relationId: rel });
      juju.addRemoteUnit(rel, 'redis/0', { host: '10.0.0.5', port: '6379' });
      await hook('cache-relation-joined', { relationId: rel, remoteUnit: 'redis/0' });
      await hook('cache-relation-changed', { relationId: rel, remoteUnit: 'redis/0' });
      expect(status()).toBe('active: redis at 10.0.0.5:6379');

      juju.removeRemoteUnit(rel, 'redis/0');
      await hook('cache-relation-departed', { relationId: rel, remoteUnit: 'redis/0', departingUnit: 'redis/0' });
      juju.breakRelation(rel);
      await hook('cache-relation-broken', { relationId: rel });
      expect(status()).toBe('waiting: waiting for redis');
    } finally {
      juju.dispose();
    }
  }, 120_000);
});

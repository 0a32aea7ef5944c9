import { join } from 'node:path';
import { Context, InconsistentStateError, relationChanged } from 'rxcharm/testing';

const ctx = new Context(join(__dirname, '../../../charms/voting-app'));
afterAll(() => ctx.dispose());

it('refuses situations Juju could never produce', async () => {
  // A relation-changed hook for a relation the unit does not have, and a config key config.yaml lacks:
  const error = await ctx.run(relationChanged('redis', 'redis/0'), { config: { vote_prot: 8080 } }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InconsistentStateError);
  expect((error as InconsistentStateError).problems).toEqual([
    expect.stringContaining('config.vote_prot: no such option in config.yaml'),
    'hook redis-relation-changed: the state has no redis relation (add it to state.relations)',
  ]);
});

import { join } from 'node:path';
import { Context } from 'rxcharm/testing';

const ctx = new Context(join(__dirname, '..'));
afterAll(() => ctx.dispose());

it('moves the vote port and recreates only the vote container', async () => {
  const [installed] = await ctx.runStory(['install']);
  const out = await ctx.run('config-changed', { ...installed!.state, config: { vote_port: 4000 } });

  expect(out.state.openedPorts).toEqual(['4000/tcp', '5001/tcp']);
  expect(out.state.files['files/voting-app/docker-compose.yml']).toContain('- "4000:80"');
  const touched = out.dockerActions.filter((a) => a.method.endsWith('Container')).map((a) => `${a.method} ${a.target}`);
  expect(touched).toEqual(['stopContainer voting-app_vote_1', 'removeContainer voting-app_vote_1', 'createContainer voting-app_vote_1', 'startContainer voting-app_vote_1']);
});

import { relationChanged, relationJoined, type State } from 'rxcharm/testing';
import { composeOf, createdServices, FRESH, removedServices, runningServices, votingAppContext } from './harness';

const ctx = votingAppContext();
afterAll(() => ctx.dispose());

let installed: State;
beforeAll(async () => {
  installed = (await ctx.run('install', FRESH)).state;
});

describe('voting-app config', () => {
  it('a vote port change closes the old port, opens the new one and recreates only vote', async () => {
    const out = await ctx.run('config-changed', { ...installed, config: { vote_port: 8080 } });
    expect(out.state.openedPorts).toEqual(['5001/tcp', '8080/tcp']);
    expect(composeOf(out.state).services.vote?.ports).toEqual(['8080:80']);
    expect(createdServices(out)).toEqual(['vote']);
    expect(removedServices(out)).toEqual(['vote']);
    expect(out.state.status.message).toBe(
      'Ready to vote on port 8080, results on port 5001 (bundled redis, bundled postgres)',
    );
  });

  it('an image change recreates only that service', async () => {
    const out = await ctx.run('config-changed', { ...installed, config: { result_image: 'example/result:2' } });
    expect(composeOf(out.state).services.result?.image).toBe('example/result:2');
    expect(createdServices(out)).toEqual(['result']);
    expect(out.dockerActions.filter((a) => a.method === 'pullImage').map((a) => a.target)).toEqual([
      'example/result:2',
    ]);
    expect(runningServices(out.state)).toEqual(['db', 'redis', 'result', 'vote', 'worker']);
  });

  it('an invalid port blocks with a message naming the option, and touches nothing', async () => {
    const out = await ctx.run('config-changed', { ...installed, config: { vote_port: 70000 } });
    expect(out.state.status.status).toBe('blocked');
    expect(out.state.status.message).toContain('vote_port');
    expect(out.dockerActions).toEqual([]);
    expect(out.state.openedPorts).toEqual(['5000/tcp', '5001/tcp']);
  });

  it('a failed image pull blocks, naming the image, and leaves the running formation and the applied file alone', async () => {
    const before = {
      ...installed,
      config: { vote_image: 'nowhere/vote:1' },
      docker: { ...installed.docker, unpullable: ['nowhere/vote:1'] },
    };
    const out = await ctx.run('config-changed', before);
    expect(out.state.status).toEqual({
      status: 'blocked',
      message: expect.stringContaining('Cannot pull image nowhere/vote:1'),
    });
    expect(out.dockerActions.map((a) => a.method)).toEqual(['pullImage']);
    expect(out.state.docker.containers).toEqual(installed.docker.containers);
    expect(out.state.kv['voting-app.applied-compose']).toBe(installed.kv['voting-app.applied-compose']);
    expect(out.state.flags).not.toContain('voting-app.configured'); // the next hook tries again
  });

  it('publishes where vote and results listen to http consumers', async () => {
    const consumer = { endpoint: 'voting', id: 7, remoteApp: 'proxy', remoteUnits: { 'proxy/0': {} } };
    const out = await ctx.runStory([relationJoined('voting', 'proxy/0'), relationChanged('voting', 'proxy/0')], {
      ...installed,
      relations: [consumer],
    });
    const last = out[out.length - 1]!;
    expect(out[0]!.published).toEqual([
      { relationId: 'voting:7', endpoint: 'voting', app: false, data: { port: '5000', hostname: installed.address } },
    ]);
    expect(last.state.relations[0]?.localUnitData).toEqual(
      expect.objectContaining({ port: '5000', hostname: installed.address }),
    );
  });

  it('logs what compose did, and never a password', async () => {
    const pg = {
      endpoint: 'postgres',
      id: 2,
      remoteApp: 'postgresql',
      remoteUnits: {
        'postgresql/0': {
          host: '10.0.0.9',
          port: '5432',
          database: 'votes',
          user: 'voter',
          password: 'pg-secret-value',
        },
      },
    };
    const out = await ctx.runStory(
      [relationJoined('postgres', 'postgresql/0'), relationChanged('postgres', 'postgresql/0')],
      { ...installed, relations: [pg] },
    );
    const logs = out.flatMap((o) => o.logs);
    expect(logs).toContainEqual(expect.objectContaining({ level: 'info', msg: 'compose up', module: 'charm' }));
    expect(JSON.stringify(logs)).not.toContain('pg-secret-value');
    expect(JSON.stringify(logs)).not.toContain('bundled-db-secret');
  });

  it('rejects a config key config.yaml does not declare', async () => {
    await expect(ctx.run('config-changed', { ...installed, config: { vote_prot: 1 } })).rejects.toThrow(
      'config.vote_prot: no such option in config.yaml',
    );
  });
});

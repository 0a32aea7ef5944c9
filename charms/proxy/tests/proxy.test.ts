import { join } from 'node:path';
import { Context, relationChanged, relationDeparted, type RelationInput, type State } from 'rxcharm/testing';

const ctx = new Context(join(__dirname, '..'));
afterAll(() => ctx.dispose());

const CONFIG_FILE = 'workspace/haproxy/haproxy.cfg';
const servers = (s: State): string[] =>
  (s.files[CONFIG_FILE] ?? '').split('\n').filter((l) => l.trimStart().startsWith('server '));

function backends(units: Record<string, Record<string, string>>): RelationInput {
  return { endpoint: 'backends', id: 3, remoteApp: 'voting-app', remoteUnits: units };
}

let installed: State;
beforeAll(async () => {
  installed = (await ctx.run('install')).state;
});

describe('proxy charm', () => {
  it('without backends starts HAProxy, opens its port and asks for a relation', () => {
    expect(servers(installed)).toEqual([]);
    expect(installed.openedPorts).toEqual(['8080/tcp']);
    expect(installed.status).toEqual({
      status: 'blocked',
      message: 'No backend to balance over: relate an http application to backends',
    });
  });

  it('follows the units: a join adds a server and reloads HAProxy without recreating it', async () => {
    const relation = backends({
      'voting-app/0': { hostname: '10.0.0.2', port: '5000' },
      'voting-app/1': { hostname: '10.0.0.3', port: '5000' },
    });
    const out = await ctx.run(relationChanged('backends', 'voting-app/1'), { ...installed, relations: [relation] });
    expect(servers(out.state)).toEqual(['  server voting-app-0 10.0.0.2:5000', '  server voting-app-1 10.0.0.3:5000']);
    expect(out.dockerActions.map((a) => a.method)).toEqual(['killContainer']);
    expect(out.state.status.status).toBe('active');
    expect(out.state.status.message).toMatch(/^Balancing 2 backends on port 8080 \(/);

    const gone = await ctx.run(relationDeparted('backends', 'voting-app/1'), out.state);
    expect(servers(gone.state)).toEqual(['  server voting-app-0 10.0.0.2:5000']);
    expect(gone.dockerActions.map((a) => a.method)).toEqual(['killContainer']);
  });

  it('skips a backend with a bad hostname or port and names it in the status', async () => {
    const relation = backends({
      'voting-app/0': { hostname: '10.0.0.2', port: '5000' },
      'voting-app/1': { hostname: 'bad host', port: '5000' },
      'voting-app/2': { hostname: '10.0.0.4', port: '99999' },
      'voting-app/3': { hostname: '10.0.0.5' },
    });
    const out = await ctx.run(relationChanged('backends', 'voting-app/1'), { ...installed, relations: [relation] });
    expect(servers(out.state)).toEqual(['  server voting-app-0 10.0.0.2:5000']);
    expect(out.state.status.message).toContain('skipped voting-app/1 (hostname: not a host name');
    expect(out.state.status.message).toContain('voting-app/2 (port:');
    expect(out.state.status.message).toContain('voting-app/3 (port: no port published yet)');
  });

  it('a port change recreates the container on the new port', async () => {
    const out = await ctx.run('config-changed', { ...installed, config: { port: 9090 } });
    expect(out.state.openedPorts).toEqual(['9090/tcp']);
    expect(out.state.files[CONFIG_FILE]).toContain('bind :9090');
    expect(out.dockerActions.map((a) => a.method)).toContain('createContainer');
  });

  it('stop takes the project down and starts nothing again; remove deletes the workspace', async () => {
    const stopped = await ctx.run('stop', installed);
    expect(stopped.invoked).toContain('proxy:reactive/proxy.ts:ProxyCharm.stop');
    expect(stopped.state.flags).toContain('proxy.stopped');
    const methods = stopped.dockerActions.map((a) => a.method);
    expect(methods).toContain('removeContainer');
    expect(methods).not.toContain('createContainer');
    expect(stopped.state.status).toEqual({ status: 'maintenance', message: 'Stopping HAProxy' });
    expect(stopped.state.files[CONFIG_FILE]).toBeDefined();

    const removed = await ctx.run('remove', stopped.state);
    expect(removed.invoked).toContain('proxy:reactive/proxy.ts:ProxyCharm.remove');
    expect(removed.dockerActions.map((a) => a.method)).not.toContain('createContainer');
    expect(Object.keys(removed.state.files).filter((f) => f.startsWith('workspace/'))).toEqual([]);
  });

  it('a backends relation event is an input too: it clears proxy.configured and reconverges', async () => {
    const relation = backends({ 'voting-app/0': { hostname: '10.0.0.2', port: '5000' } });
    const out = await ctx.run(relationChanged('backends', 'voting-app/0'), { ...installed, relations: [relation] });
    const invoked = out.invoked.filter((id) => id.startsWith('proxy:'));
    expect(invoked).toEqual([
      'proxy:reactive/proxy.ts:ProxyCharm.inputsChanged',
      'proxy:reactive/proxy.ts:ProxyCharm.converge',
    ]);
  });
});

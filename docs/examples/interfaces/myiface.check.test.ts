/** Runs the example interface of docs/interfaces.md in the harness, on both sides of a charm. */
import { join } from 'node:path';
import { Context, relationChanged, relationDeparted, relationJoined, type StateInput } from 'rxcharm/testing';

const ctx = new Context(join(__dirname, 'fixtures', 'two-sided'), { searchPath: { interfaces: [join(__dirname, '..', '..', '..', 'interfaces'), __dirname] } });
afterAll(() => ctx.dispose());

const backend = (port: string) => ({ endpoint: 'backend', id: 1, remoteApp: 'db', remoteUnits: { 'db/0': { port } } });
const frontend = { endpoint: 'frontend', id: 2, remoteApp: 'web', remoteUnits: { 'web/0': {} } };

it('requires: {endpoint_name} becomes the endpoint name, and the flags follow the data', async () => {
  const joined = await ctx.run(relationJoined('backend', 'db/0'), { relations: [backend('6379')] });
  expect(joined.state.flags).toEqual(expect.arrayContaining(['backend.connected', 'backend.available']));

  // Bad data is not an error: the unit is connected but not available.
  const bad = await ctx.run(relationChanged('backend', 'db/0'), { ...joined.state, relations: [backend('six')] });
  expect(bad.state.flags).toContain('backend.connected');
  expect(bad.state.flags).not.toContain('backend.available');

  // The last unit leaves (the harness takes it out of the relation): everything is cleared.
  const gone = await ctx.run(relationDeparted('backend', 'db/0'), bad.state);
  expect(gone.state.relations[0]?.remoteUnits).toEqual({});
  expect(gone.state.flags.filter((f) => f.startsWith('backend.'))).toEqual([]);
});

it('provides: publishes on its relations once the charm configures it', async () => {
  const state: StateInput = { relations: [backend('6379'), frontend] };
  const out = await ctx.run(relationJoined('frontend', 'web/0'), state);
  expect(out.state.flags).toEqual(expect.arrayContaining(['frontend.connected', 'backend.available']));
  expect(out.published).toEqual([{ relationId: 'frontend:2', endpoint: 'frontend', app: false, data: { port: '6379' } }]);
});

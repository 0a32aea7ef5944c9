import { join } from 'node:path';
import { charmGraph, type FlagGraph } from 'rxcharm/testing';

let graph: FlagGraph;
beforeAll(async () => {
  graph = await charmGraph(join(__dirname, '..'));
});

const REDIS = 'handler:redis:reactive/redis.ts:RedisCharm';
const edgesFrom = (handler: string): string[] =>
  graph.edges.filter((e) => e.from === `${REDIS}.${handler}`).map((e) => `${e.kind} ${e.to}`);

describe('redis flag graph', () => {
  // These handlers are layer:docker's UnitProjectCharm's; the flags are the redis charm's fields.
  it("shows the flags the inherited handlers set and clear, by the charm's names", () => {
    expect(edgesFrom('inputsChanged')).toEqual(['clears flag:redis.configured']);
    expect(edgesFrom('stop').sort()).toEqual(['clears flag:redis.ready', 'sets flag:redis.stopped']);
    expect(edgesFrom('remove')).toEqual([]);
  });

  it('shows the stop flag guarding converge', () => {
    expect(graph.edges).toContainEqual({ from: 'flag:redis.stopped', to: `${REDIS}.converge`, kind: 'whenNot' });
  });
});

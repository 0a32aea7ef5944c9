import { join } from 'node:path';
import { charmGraph, Context, renderDot, renderMermaid, renderSvg, type FlagGraph } from 'rxcharm/testing';

let graph: FlagGraph;
beforeAll(async () => {
  graph = await charmGraph(join(__dirname, '..'));
});

const edge = (from: string, kind: string, to: string): { from: string; kind: string; to: string } => ({
  from,
  kind,
  to,
});
const VA = 'handler:voting-app:reactive/voting-app.ts:VotingApp';
const DOCKER = 'handler:docker:reactive/docker.ts:DockerLayer';

describe('voting-app flag graph', () => {
  it('has a node for every handler of every layer, in registration order', () => {
    expect(graph.handlers.map((h) => h.label)).toEqual(
      expect.arrayContaining([
        'BasicLayer.updateStatus',
        'DockerLayer.checkDocker',
        'DockerLayer.restartDocker',
        'VotingApp.inputsChanged',
        'VotingApp.stop',
        'VotingApp.remove',
        'VotingApp.converge',
        'RedisRequires.onDataChanged#redis',
        'RedisRequires.onJoined#redis',
        'RedisRequires.onGone#redis',
      ]),
    );
    const ids = graph.handlers.map((h) => h.key);
    expect(ids.indexOf(`${DOCKER}.checkDocker`)).toBeLessThan(ids.indexOf(`${VA}.converge`));
    expect(graph.handlers.find((h) => h.label === 'VotingApp.inputsChanged')?.hooks).toContain('config-changed');
    expect(graph.handlers.find((h) => h.label === 'VotingApp.stop')?.hooks).toEqual(['stop']);
    expect(graph.handlers.find((h) => h.label === 'VotingApp.remove')?.hooks).toEqual(['remove']);
  });

  it('has exactly the handlers a real dispatch tests', async () => {
    const ctx = new Context(join(__dirname, '..'));
    const out = await ctx.run('install', { kv: { 'voting-app.db-password': 'x' } });
    await ctx.dispose();
    const tested = new Set(out.trace.flatMap((e) => (e.type === 'handler.tested' ? [e.handler] : [])));
    expect(new Set(graph.handlers.map((h) => h.id))).toEqual(tested);
  });

  it('has the condition edges flag → handler and effect edges handler → flag', () => {
    expect(graph.edges).toEqual(
      expect.arrayContaining([
        edge('flag:docker.available', 'when', `${VA}.converge`),
        edge('flag:voting-app.configured', 'whenNot', `${VA}.converge`),
        edge(`${VA}.converge`, 'sets', 'flag:voting-app.configured'),
        edge('flag:voting-app.stopped', 'whenNot', `${VA}.converge`),
        edge(`${VA}.stop`, 'sets', 'flag:voting-app.stopped'),
        edge(`${VA}.remove`, 'sets', 'flag:voting-app.stopped'),
        edge(`${VA}.inputsChanged`, 'clears', 'flag:voting-app.configured'),
        edge(`${DOCKER}.checkDocker`, 'sets', 'flag:docker.available'),
        edge(`${DOCKER}.checkDocker`, 'clears', 'flag:docker.available'),
        edge('flag:endpoint.redis.joined', 'when', 'handler:interface:redis:requires:RedisRequires.onJoined#redis'),
        edge('handler:interface:redis:requires:RedisRequires.onJoined#redis', 'toggles', 'flag:redis.available'),
      ]),
    );
  });

  it('every edge connects known nodes, every flag has an edge, and flags say who sets them', () => {
    const keys = new Set([...graph.handlers.map((h) => h.key), ...graph.flags.map((f) => f.key)]);
    for (const e of graph.edges) {
      expect(keys.has(e.from)).toBe(true);
      expect(keys.has(e.to)).toBe(true);
    }
    for (const f of graph.flags) expect(graph.edges.some((e) => e.from === f.key || e.to === f.key)).toBe(true);
    expect(graph.flags.find((f) => f.name === 'docker.available')?.setBy).toBe('handler');
    expect(graph.flags.find((f) => f.name === 'endpoint.redis.joined')?.setBy).toBe('runtime');
  });

  it('renders dot, mermaid and svg with every node and edge', () => {
    const dot = renderDot(graph);
    expect(dot).toMatch(/^digraph "voting-app" \{/);
    expect(dot).toContain(`"flag:voting-app.configured" -> "${VA}.converge" [label="whenNot"`);
    expect(dot.match(/ -> /g)).toHaveLength(graph.edges.length);
    const mermaid = renderMermaid(graph);
    expect(mermaid.startsWith('flowchart LR\n')).toBe(true);
    expect(mermaid.match(/-->|-\. |== trigger ==>/g)?.length).toBe(graph.edges.length);
    const svg = renderSvg(graph);
    expect(svg.match(/<g class="node /g)).toHaveLength(graph.handlers.length + graph.flags.length);
    expect(svg.match(/<path class="edge /g)).toHaveLength(graph.edges.length);
  });
});

import { join } from 'node:path';
import { charmGraph, renderMermaid } from 'rxcharm/testing';

/** Prints the voting-app's handlers and flags as a Mermaid flowchart (what `rxcharm graph -f mermaid` prints). */
export async function main(): Promise<string> {
  const graph = await charmGraph(join(__dirname, '../../charms/voting-app'));
  const converge = graph.handlers.find((h) => h.label === 'VotingApp.converge');
  const waitsOn = graph.edges.filter((e) => e.to === converge?.key).map((e) => `${e.kind} ${e.from.slice('flag:'.length)}`);
  console.log(`converge waits on: ${waitsOn.join(', ')}`); // when docker.available, whenNot voting-app.configured, whenNot voting-app.stopped
  return renderMermaid(graph);
}

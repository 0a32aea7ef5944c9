import type { FlagGraph, GraphEdgeKind, GraphHandler } from './flag-graph';

const DOT_STYLE: Readonly<Record<GraphEdgeKind, string>> = {
  when: 'color="#2f6f3e"',
  whenNot: 'color="#b03a2e", style=dashed',
  whenAny: 'color="#2f6f3e", style=dotted',
  whenNotAll: 'color="#b03a2e", style=dotted',
  sets: 'color="#1f4e9c", penwidth=1.6',
  clears: 'color="#8e44ad", style=dashed',
  toggles: 'color="#1f4e9c", style=dashed',
  trigger: 'color="#d68910", style=bold',
};

function dotString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** The handler's label with its hook or action conditions, e.g. `VotingApp.inputsChanged\n@hook(install, ...)`. */
export function handlerLabel(h: GraphHandler): string {
  const extra = [
    ...(h.hooks.length > 0 ? [`@hook(${h.hooks.join(', ')})`] : []),
    ...(h.actions.length > 0 ? [`@action(${h.actions.join(', ')})`] : []),
  ];
  return [h.label, ...extra].join('\n');
}

/**
 * Graphviz DOT: handlers as boxes grouped by layer, flags as ellipses (grey when the runtime
 * sets them, red outline when nothing known sets them), edges labelled with their kind.
 */
export function renderDot(g: FlagGraph): string {
  const lines = [
    `digraph ${dotString(g.charm)} {`,
    '  rankdir=LR;',
    '  node [fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=8];',
  ];
  const layers = [...new Set(g.handlers.map((h) => h.layer))];
  layers.forEach((layer, i) => {
    lines.push(`  subgraph cluster_${i} {`, `    label=${dotString(layer)}; style=rounded; color="#999999";`);
    for (const h of g.handlers.filter((x) => x.layer === layer))
      lines.push(
        `    ${dotString(h.key)} [shape=box, style="rounded,filled", fillcolor="#eef3fb", label=${dotString(handlerLabel(h))}];`,
      );
    lines.push('  }');
  });
  for (const f of g.flags) {
    const style =
      f.setBy === 'runtime'
        ? 'style=filled, fillcolor="#eeeeee"'
        : f.setBy === 'unknown'
          ? 'color="#b03a2e"'
          : 'style=filled, fillcolor="#fff8e1"';
    lines.push(`  ${dotString(f.key)} [shape=ellipse, ${style}, label=${dotString(f.name)}];`);
  }
  for (const e of g.edges)
    lines.push(`  ${dotString(e.from)} -> ${dotString(e.to)} [label=${dotString(e.kind)}, ${DOT_STYLE[e.kind]}];`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function mermaidText(s: string): string {
  return s.replace(/"/g, '#quot;').replace(/\n/g, '<br/>');
}

/** Mermaid `flowchart LR` (renders in GitHub markdown): the same nodes and edges as {@link renderDot}. */
export function renderMermaid(g: FlagGraph): string {
  const ids = new Map<string, string>();
  g.handlers.forEach((h, i) => ids.set(h.key, `h${i}`));
  g.flags.forEach((f, i) => ids.set(f.key, `f${i}`));
  const lines = ['flowchart LR'];
  const layers = [...new Set(g.handlers.map((h) => h.layer))];
  layers.forEach((layer, i) => {
    lines.push(`  subgraph layer${i}["${mermaidText(layer)}"]`);
    for (const h of g.handlers.filter((x) => x.layer === layer))
      lines.push(`    ${ids.get(h.key)}["${mermaidText(handlerLabel(h))}"]`);
    lines.push('  end');
  });
  for (const f of g.flags) lines.push(`  ${ids.get(f.key)}(["${mermaidText(f.name)}"])`);
  for (const e of g.edges) {
    const arrow =
      e.kind === 'whenNot' || e.kind === 'clears' || e.kind === 'whenNotAll'
        ? `-. ${e.kind} .->`
        : e.kind === 'trigger'
          ? `== trigger ==>`
          : `-->|${e.kind}|`;
    lines.push(`  ${ids.get(e.from)} ${arrow} ${ids.get(e.to)}`);
  }
  lines.push('  classDef runtime fill:#eeeeee,stroke:#999999;', '  classDef unknown stroke:#b03a2e,stroke-width:2px;');
  const runtime = g.flags.filter((f) => f.setBy === 'runtime').map((f) => ids.get(f.key));
  const unknown = g.flags.filter((f) => f.setBy === 'unknown').map((f) => ids.get(f.key));
  if (runtime.length > 0) lines.push(`  class ${runtime.join(',')} runtime;`);
  if (unknown.length > 0) lines.push(`  class ${unknown.join(',')} unknown;`);
  return `${lines.join('\n')}\n`;
}

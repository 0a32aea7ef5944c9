import type { FlagGraph, GraphEdgeKind } from './flag-graph';
import { handlerLabel } from './render-text';

const COLORS: Readonly<Record<GraphEdgeKind, string>> = {
  when: '#2f6f3e',
  whenNot: '#b03a2e',
  whenAny: '#2f6f3e',
  whenNotAll: '#b03a2e',
  sets: '#1f4e9c',
  clears: '#8e44ad',
  toggles: '#1f4e9c',
  trigger: '#d68910',
};
const DASHED: ReadonlySet<GraphEdgeKind> = new Set(['whenNot', 'whenNotAll', 'clears', 'toggles']);
const COL = 300;
const ROW = 64;
const PAD = 40;
const CHAR = 6.2;

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Ranks nodes left to right by longest path from the sources, ignoring edges that close a cycle
 * (found by depth-first search), like the first step of dot's layout. Pure.
 */
export function rankNodes(
  keys: readonly string[],
  edges: ReadonlyArray<{ from: string; to: string }>,
): Map<string, number> {
  const out = new Map<string, string[]>();
  for (const k of keys) out.set(k, []);
  for (const e of edges) out.get(e.from)?.push(e.to);
  const state = new Map<string, 1 | 2>();
  const back = new Set<string>();
  const visit = (k: string): void => {
    state.set(k, 1);
    for (const n of out.get(k) ?? []) {
      if (state.get(n) === 1) back.add(`${k}|${n}`);
      else if (state.get(n) === undefined) visit(n);
    }
    state.set(k, 2);
  };
  for (const k of keys) if (state.get(k) === undefined) visit(k);
  const forward = edges.filter((e) => !back.has(`${e.from}|${e.to}`));
  const rank = new Map<string, number>(keys.map((k) => [k, 0]));
  for (let pass = 0; pass < keys.length; pass++) {
    let changed = false;
    for (const e of forward) {
      const r = (rank.get(e.from) ?? 0) + 1;
      if (r > (rank.get(e.to) ?? 0)) {
        rank.set(e.to, r);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return rank;
}

/**
 * A standalone SVG of the graph, laid out in ranked columns (no Graphviz needed): handlers as
 * rounded boxes, flags as pills, edges as curves coloured by kind, with a legend.
 */
export function renderSvg(g: FlagGraph): string {
  const nodes = [
    ...g.handlers.map((h) => ({
      key: h.key,
      lines: handlerLabel(h).split('\n'),
      kind: 'handler' as const,
      fill: '#eef3fb',
      stroke: '#1f4e9c',
    })),
    ...g.flags.map((f) => ({
      key: f.key,
      lines: [f.name],
      kind: 'flag' as const,
      fill: f.setBy === 'runtime' ? '#eeeeee' : '#fff8e1',
      stroke: f.setBy === 'unknown' ? '#b03a2e' : '#999999',
    })),
  ];
  const rank = rankNodes(
    nodes.map((n) => n.key),
    g.edges,
  );
  const columns = new Map<number, typeof nodes>();
  for (const n of nodes) {
    const r = rank.get(n.key) ?? 0;
    columns.set(r, [...(columns.get(r) ?? []), n]);
  }
  const pos = new Map<string, { x: number; y: number; w: number; h: number }>();
  for (const [r, col] of columns) {
    col.forEach((n, i) => {
      const w = Math.min(COL - 30, Math.max(80, Math.max(...n.lines.map((l) => l.length)) * CHAR + 16));
      pos.set(n.key, { x: PAD + r * COL, y: PAD + i * ROW, w, h: 18 + n.lines.length * 12 });
    });
  }
  const width = PAD * 2 + (Math.max(0, ...columns.keys()) + 1) * COL;
  const height = PAD * 2 + Math.max(1, ...[...columns.values()].map((c) => c.length)) * ROW + 60;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="11">`,
    `<title>${xml(g.charm)}: handlers and flags</title>`,
    '<defs>',
    ...Object.entries(COLORS).map(
      ([k, c]) =>
        `<marker id="arrow-${k}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="${c}"/></marker>`,
    ),
    '</defs>',
  ];
  for (const e of g.edges) {
    const a = pos.get(e.from);
    const b = pos.get(e.to);
    if (a === undefined || b === undefined) continue;
    const x1 = a.x + a.w;
    const y1 = a.y + a.h / 2;
    const x2 = b.x;
    const y2 = b.y + b.h / 2;
    const bend = Math.max(40, Math.abs(x2 - x1) / 2);
    const d = `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`;
    parts.push(
      `<path class="edge edge-${e.kind}" data-from="${xml(e.from)}" data-to="${xml(e.to)}" d="${d}" fill="none" stroke="${COLORS[e.kind]}" stroke-width="1.2"${DASHED.has(e.kind) ? ' stroke-dasharray="5 3"' : ''} marker-end="url(#arrow-${e.kind})"><title>${xml(e.kind)}</title></path>`,
    );
  }
  for (const n of nodes) {
    const p = pos.get(n.key) as { x: number; y: number; w: number; h: number };
    const rx = n.kind === 'flag' ? p.h / 2 : 6;
    parts.push(
      `<g class="node node-${n.kind}" data-key="${xml(n.key)}"><rect x="${p.x}" y="${p.y}" width="${p.w}" height="${p.h}" rx="${rx}" fill="${n.fill}" stroke="${n.stroke}"/>`,
    );
    n.lines.forEach((line, i) =>
      parts.push(
        `<text x="${p.x + p.w / 2}" y="${p.y + 15 + i * 12}" text-anchor="middle"${i > 0 ? ' font-size="9" fill="#555555"' : ''}>${xml(line)}</text>`,
      ),
    );
    parts.push('</g>');
  }
  const legendY = height - 30;
  Object.entries(COLORS).forEach(([k, c], i) => {
    const x = PAD + i * 95;
    parts.push(
      `<line x1="${x}" y1="${legendY}" x2="${x + 30}" y2="${legendY}" stroke="${c}"${DASHED.has(k as GraphEdgeKind) ? ' stroke-dasharray="5 3"' : ''}/><text x="${x + 35}" y="${legendY + 4}">${k}</text>`,
    );
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

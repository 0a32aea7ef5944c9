/**
 * The model page: one HTML document with its script, no build step. It loads `/api/model`, then
 * follows `/events` (server-sent events) and redraws on each update; each application's flag
 * graph comes from `/graph/<app>.svg` (fetched again when its `graphKey` changes), with the handlers of each unit's last hook highlighted
 * (`.ran`) and its set flags marked (`.set`).
 */
export const MODEL_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>rxcharm model</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #222; }
  h1 { font-size: 1.3rem; } h2 { font-size: 1.1rem; margin-top: 1.5rem; } h3 { font-size: 1rem; margin: .8rem 0 .3rem; }
  table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
  .flags li { display: inline-block; background: #fff8e1; border: 1px solid #d6b656; border-radius: 9px; padding: 0 .5rem; margin: .1rem; font-size: .85rem; }
  .status-active { color: #2f6f3e; } .status-blocked, .status-error { color: #b03a2e; } .status-waiting, .status-maintenance { color: #b9770e; }
  .graph { overflow: auto; border: 1px solid #ddd; max-height: 520px; }
  .graph g.ran rect { fill: #ffd54f; stroke: #e65100; stroke-width: 3; }
  .graph g.set rect { stroke: #2f6f3e; stroke-width: 3; }
  .failed { color: #b03a2e; } #live { font-size: .8rem; color: #777; }
</style>
</head>
<body>
<h1>Model <span id="model-name"></span> <span id="live">connecting…</span></h1>
<div id="apps"></div>
<h2>Relations</h2>
<ul id="relations"></ul>
<script>
const graphs = {};
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}
async function graph(app, key) {
  const id = app + '|' + key;
  if (!(id in graphs)) graphs[id] = fetch('/graph/' + encodeURIComponent(app) + '.svg?k=' + encodeURIComponent(key)).then((r) => (r.ok ? r.text() : ''));
  return graphs[id];
}
async function render(view) {
  document.getElementById('model-name').textContent = view.model;
  const apps = document.getElementById('apps');
  apps.replaceChildren();
  for (const app of view.applications) {
    const section = el('section', { 'data-app': app.name }, el('h2', {}, app.name + ' (' + app.charm + ')'));
    const table = el('table', {}, el('tr', {}, el('th', {}, 'unit'), el('th', {}, 'workload'), el('th', {}, 'message'), el('th', {}, 'ports'), el('th', {}, 'last hooks')));
    for (const unit of app.units) {
      const hooks = el('ul', { class: 'hooks', 'data-unit': unit.name });
      for (const t of unit.traces) hooks.append(el('li', t.ok ? {} : { class: 'failed' }, '#' + t.n + ' ' + t.hook + (t.ok ? '' : ' (failed)') + ': ' + (t.invoked.join(', ') || 'no handler')));
      table.append(el('tr', {},
        el('td', {}, unit.name + (unit.leader ? '*' : '')),
        el('td', { class: 'status-' + (unit.error ? 'error' : unit.workload) }, unit.error ? 'error' : unit.workload),
        el('td', {}, unit.error || unit.message),
        el('td', {}, unit.ports.join(', ')),
        el('td', {}, hooks)));
    }
    section.append(table);
    for (const unit of app.units) {
      const flags = el('ul', { class: 'flags', 'data-unit': unit.name });
      for (const f of unit.flags) flags.append(el('li', {}, f));
      section.append(el('h3', {}, 'Flags of ' + unit.name), flags);
    }
    const first = app.units[0];
    const box = el('div', { class: 'graph', 'data-app': app.name });
    section.append(el('h3', {}, 'Flag graph' + (first && first.traces[0] ? ' (highlighted: ' + first.name + ' ' + first.traces[0].hook + ')' : '')), box);
    apps.append(section);
    box.innerHTML = await graph(app.name, app.graphKey);
    const ran = new Set(first && first.traces[0] ? first.traces[0].invoked.map((h) => 'handler:' + h) : []);
    const set = new Set(first ? first.flags.map((f) => 'flag:' + f) : []);
    for (const g of box.querySelectorAll('g.node')) {
      g.classList.toggle('ran', ran.has(g.dataset.key));
      g.classList.toggle('set', set.has(g.dataset.key));
    }
  }
  const rels = document.getElementById('relations');
  rels.replaceChildren(...view.relations.map((r) => el('li', {}, '#' + r.id + ' ' + r.endpoints.join(' ↔ '))));
  document.body.dataset.updates = String(Number(document.body.dataset.updates || 0) + 1);
}
const source = new EventSource('/events');
source.addEventListener('model', (e) => { document.getElementById('live').textContent = 'live'; render(JSON.parse(e.data)); });
source.onerror = () => { document.getElementById('live').textContent = 'reconnecting…'; };
</script>
</body>
</html>
`;

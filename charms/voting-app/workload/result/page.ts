import { escapeHtml } from '../shared/http';
import { percentages, type Tally } from './tally';

/** The results page; it reloads itself every two seconds instead of the original's websocket. */
export function renderResultPage(options: { a: string; b: string }, t: Tally): string {
  const pct = percentages(t);
  const a = escapeHtml(options.a);
  const b = escapeHtml(options.b);
  const votes = t.total === 1 ? '1 vote' : `${t.total} votes`;
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta http-equiv="refresh" content="2"><title>${a} vs ${b} -- Result</title>
<style>body{font-family:sans-serif;text-align:center;margin-top:3em}.choice{display:inline-block;width:40%;font-size:2em}</style>
</head>
<body>
<div class="choice" id="choice-a"><div>${a}</div><div class="stat">${pct.a}%</div><div class="count">${t.a}</div></div>
<div class="choice" id="choice-b"><div>${b}</div><div class="stat">${pct.b}%</div><div class="count">${t.b}</div></div>
<p id="result">${votes}</p>
</body>
</html>
`;
}

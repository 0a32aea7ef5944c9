import { escapeHtml } from '../shared/http';

export interface VotePageModel {
  options: { a: string; b: string };
  /** The choice this voter made, highlighted after a POST. */
  voted?: 'a' | 'b';
  /** Container hostname, shown like the classic app does to make scaling visible. */
  hostname: string;
}

/** The voting form: two buttons posting `vote=a` or `vote=b` to `/`. */
export function renderVotePage(model: VotePageModel): string {
  const a = escapeHtml(model.options.a);
  const b = escapeHtml(model.options.b);
  const title = `${a} vs ${b}!`;
  const button = (key: 'a' | 'b', label: string): string =>
    `<button name="vote" value="${key}"${model.voted === key ? ' class="chosen"' : ''}>${label}</button>`;
  const note = model.voted
    ? `<p id="tip">Thank you: your vote for ${model.voted === 'a' ? a : b} is cast. You can change it.</p>`
    : '<p id="tip">(Tip: you can change your vote)</p>';
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:sans-serif;text-align:center;margin-top:3em}button{font-size:2em;margin:.5em;padding:.5em 1em}.chosen{font-weight:bold;outline:3px solid #2a7}</style>
</head>
<body>
<h1>${title}</h1>
<form method="POST" action="/">
${button('a', a)}
${button('b', b)}
</form>
${note}
<p><small>Processed by container ID ${escapeHtml(model.hostname)}</small></p>
</body>
</html>
`;
}

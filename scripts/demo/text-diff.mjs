/** A small unified-style line diff (LCS), enough to show a compose file before and after. */

/** Lines of `after` compared with `before`, each prefixed `  `, `- ` or `+ `. */
export function lineDiff(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  const lcs = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push(`  ${a[i]}`);
      i++;
      j++;
    } else if (j < b.length && (i === a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
      out.push(`+ ${b[j]}`);
      j++;
    } else {
      out.push(`- ${a[i]}`);
      i++;
    }
  }
  return out;
}

/** Hides generated passwords (the charms use 48 hex characters) in text shown on screen. */
export function maskSecrets(text) {
  return text
    .replace(/\b[0-9a-f]{48}\b/g, '<generated password>')
    .replace(/(PASS(?:WORD)?:\s*)"[^"]*"/g, '$1"<generated password>"');
}

/** Vote counts as served by `GET /api/results`. */
export interface Tally {
  a: number;
  b: number;
  total: number;
}

/** Folds `SELECT vote, count(*)` rows into a Tally; rows for other values are ignored. */
export function tally(rows: ReadonlyArray<{ vote: string; count: number | string }>): Tally {
  let a = 0;
  let b = 0;
  for (const row of rows) {
    const count = Number(row.count);
    if (row.vote === 'a') a += count;
    else if (row.vote === 'b') b += count;
  }
  return { a, b, total: a + b };
}

/** Percentages for display, 50/50 when nobody voted yet (as the classic result page shows). */
export function percentages(t: Tally): { a: number; b: number } {
  if (t.total === 0) return { a: 50, b: 50 };
  const a = Math.round((t.a * 100) / t.total);
  return { a, b: 100 - a };
}

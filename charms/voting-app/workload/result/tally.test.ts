import { renderResultPage } from './page';
import { percentages, tally } from './tally';

describe('tally', () => {
  it('folds grouped rows, ignoring unknown values; pg returns counts as strings', () => {
    expect(
      tally([
        { vote: 'a', count: '3' },
        { vote: 'b', count: 2 },
        { vote: 'z', count: '9' },
      ]),
    ).toEqual({
      a: 3,
      b: 2,
      total: 5,
    });
    expect(tally([])).toEqual({ a: 0, b: 0, total: 0 });
  });

  it('splits percentages summing to 100, 50/50 with no votes', () => {
    expect(percentages({ a: 1, b: 2, total: 3 })).toEqual({ a: 33, b: 67 });
    expect(percentages({ a: 0, b: 0, total: 0 })).toEqual({ a: 50, b: 50 });
  });

  it('renders counts and escapes option names', () => {
    const html = renderResultPage({ a: '<Cats>', b: 'Dogs' }, { a: 1, b: 0, total: 1 });
    expect(html).toContain('&lt;Cats&gt;');
    expect(html).not.toContain('<Cats>');
    expect(html).toContain('<p id="result">1 vote</p>');
    expect(html).toContain('<div class="stat">100%</div>');
  });
});

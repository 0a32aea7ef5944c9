import { cookie, escapeHtml } from './http';

describe('http helpers', () => {
  it('escapes markup and quotes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('finds a cookie among others', () => {
    expect(cookie('a=1; voter_id=abc%2D1; b=2', 'voter_id')).toBe('abc-1');
    expect(cookie('voter=1', 'voter_id')).toBeUndefined();
    expect(cookie(undefined, 'voter_id')).toBeUndefined();
  });
});

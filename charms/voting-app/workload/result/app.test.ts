import { call } from '../shared/fake-http';
import { createResultApp } from './app';
import type { Tally } from './tally';

function setup(counts: () => Promise<Tally>) {
  const logs: string[] = [];
  return { handle: createResultApp({ options: { a: 'Cats', b: 'Dogs' }, counts, log: (m) => logs.push(m) }), logs };
}

describe('result app', () => {
  it('serves the counts as JSON and HTML', async () => {
    const { handle } = setup(async () => ({ a: 2, b: 1, total: 3 }));
    const api = await call(handle, 'GET', '/api/results');
    expect(api.status).toBe(200);
    expect(JSON.parse(api.body)).toEqual({ a: 2, b: 1, total: 3 });
    const page = await call(handle, 'GET', '/');
    expect(page.body).toContain('<div class="count">2</div>');
    expect(page.body).toContain('3 votes');
  });

  it('answers 503 naming the cause when the database fails', async () => {
    const { handle, logs } = setup(async () => {
      throw new Error('password authentication failed');
    });
    const res = await call(handle, 'GET', '/api/results');
    expect(res.status).toBe(503);
    expect(JSON.parse(res.body).error).toContain('password authentication failed');
    expect(logs).toHaveLength(1);
  });

  it('stays healthy while the database is down', async () => {
    const { handle } = setup(async () => {
      throw new Error('down');
    });
    expect((await call(handle, 'GET', '/healthz')).status).toBe(200);
  });
});

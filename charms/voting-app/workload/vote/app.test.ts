import type { Ballot } from '../shared/ballot';
import { call } from '../shared/fake-http';
import { createVoteApp } from './app';

function setup(push: (b: Ballot) => Promise<void> = async () => undefined) {
  const pushed: Ballot[] = [];
  const logs: string[] = [];
  let n = 0;
  const handle = createVoteApp({
    options: { a: 'Cats', b: 'Dogs' },
    hostname: 'c0ffee',
    push: async (b) => {
      await push(b);
      pushed.push(b);
    },
    newVoterId: () => `new${(n += 1)}`,
    log: (m) => logs.push(m),
  });
  return { handle, pushed, logs };
}

describe('vote app', () => {
  it('serves the form with the configured options', async () => {
    const { handle } = setup();
    const res = await call(handle, 'GET', '/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Cats vs Dogs!</title>');
    expect(res.body).toContain('<button name="vote" value="a">Cats</button>');
    expect(res.body).toContain('c0ffee');
    expect(res.headers['x-served-by']).toBe('c0ffee');
  });

  it('casts a form vote for a new voter and sets the cookie', async () => {
    const { handle, pushed } = setup();
    const res = await call(handle, 'POST', '/', 'vote=b');
    expect(res.status).toBe(200);
    expect(pushed).toEqual([{ voter_id: 'new1', vote: 'b' }]);
    expect(res.headers['set-cookie']).toMatch(/^voter_id=new1; /);
    expect(res.body).toContain('class="chosen">Dogs');
  });

  it('keeps the voter id from the cookie so a voter can change their vote', async () => {
    const { handle, pushed } = setup();
    await call(handle, 'POST', '/', 'vote=a', { cookie: 'voter_id=abc' });
    await call(handle, 'POST', '/', 'vote=b', { cookie: 'voter_id=abc' });
    expect(pushed).toEqual([
      { voter_id: 'abc', vote: 'a' },
      { voter_id: 'abc', vote: 'b' },
    ]);
  });

  it('accepts JSON ballots on /vote', async () => {
    const { handle, pushed } = setup();
    const res = await call(handle, 'POST', '/vote', '{"vote":"a","voter_id":"t-1"}');
    expect(res.status).toBe(201);
    expect(JSON.parse(res.body)).toEqual({ voter_id: 't-1', vote: 'a' });
    const generated = await call(handle, 'POST', '/vote', '{"vote":"b"}');
    expect(JSON.parse(generated.body)).toEqual({ voter_id: 'new1', vote: 'b' });
    expect(pushed).toHaveLength(2);
  });

  it.each([
    ['/vote', '{"vote":"c"}', /vote must be/],
    ['/vote', 'nope', /not valid JSON/],
    ['/vote', '[1]', /JSON object/],
    ['/vote', '{"vote":"a","voter_id":"has space"}', /voter_id/],
    ['/', 'vote=', /vote must be/],
  ])('answers 400 for %p %p', async (path, body, message) => {
    const { handle, pushed } = setup();
    const res = await call(handle, 'POST', path, body);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error).toMatch(message);
    expect(pushed).toEqual([]);
  });

  it('answers 503 and logs when redis refuses the ballot', async () => {
    const { handle, logs } = setup(async () => {
      throw new Error('connect ECONNREFUSED');
    });
    const res = await call(handle, 'POST', '/vote', '{"vote":"a"}');
    expect(res.status).toBe(503);
    expect(res.body).toContain('ECONNREFUSED');
    expect(logs.join('\n')).toContain('ECONNREFUSED');
  });

  it('has a health endpoint and 404s elsewhere', async () => {
    const { handle } = setup();
    expect(JSON.parse((await call(handle, 'GET', '/healthz')).body)).toEqual({ status: 'ok' });
    expect((await call(handle, 'GET', '/nope')).status).toBe(404);
  });
});

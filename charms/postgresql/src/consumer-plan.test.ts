import { isRefused, planConsumer, preparedKey } from './consumer-plan';
import { nameForApplication } from './pg-names';

const consumer = (
  patch: Partial<Parameters<typeof planConsumer>[0]['request']> = {},
  application: string | null = 'voting-app',
) => ({
  relationId: 'db:3',
  application,
  units: ['voting-app/1', 'voting-app/0'],
  request: { database: undefined, roles: [], extensions: [], mirror: {}, egressSubnets: [], ...patch },
});

describe('planConsumer', () => {
  it('names the database and user after the consumer application by default', () => {
    expect(planConsumer(consumer(), { database: '', user: '' })).toEqual({
      relationId: 'db:3',
      database: 'voting-app',
      user: 'voting-app',
      units: ['voting-app/0', 'voting-app/1'],
      roles: [],
      extensions: [],
      subnets: [],
      mirror: {},
    });
  });

  it('prefers the requested database, then the configured one; the configured user wins', () => {
    expect(planConsumer(consumer({ database: 'votes' }), { database: 'cfg', user: 'owner' })).toMatchObject({
      database: 'votes',
      user: 'owner',
    });
    expect(planConsumer(consumer(), { database: 'cfg', user: '' })).toMatchObject({
      database: 'cfg',
      user: 'voting-app',
    });
  });

  it('falls back to the unit name when the application is unknown', () => {
    expect(planConsumer(consumer({}, null), { database: '', user: '' })).toMatchObject({ database: 'voting-app' });
  });

  it.each([
    [{ database: 'postgres' }, 'database'],
    [{ database: 'bad name' }, 'database'],
    [{ roles: ['postgres'] }, 'role'],
    [{ extensions: ['x;y'] }, 'extension'],
  ])('refuses a request for %j', (request, what) => {
    const plan = planConsumer(consumer(request), { database: '', user: '' });
    expect(isRefused(plan)).toBe(true);
    expect(plan).toMatchObject({ relationId: 'db:3', reason: expect.stringContaining(what) });
  });

  it('keys prepared work by user, database, roles and extensions', () => {
    const a = planConsumer(consumer(), { database: '', user: '' });
    const b = planConsumer(consumer({ extensions: ['hstore'] }), { database: '', user: '' });
    if (isRefused(a) || isRefused(b)) throw new Error('unexpected refusal');
    expect(preparedKey(a)).not.toBe(preparedKey(b));
    expect(preparedKey(a)).toBe(preparedKey({ ...a, relationId: 'db:9' }));
  });
});

describe('nameForApplication', () => {
  it('keeps plain names, replaces other characters, fixes the first one and cuts at 63', () => {
    expect(nameForApplication('voting-app')).toBe('voting-app');
    expect(nameForApplication('my.app')).toBe('my_app');
    expect(nameForApplication('1app')).toBe('_1app');
    expect(nameForApplication('a'.repeat(80))).toHaveLength(63);
  });
});

import { readPgsqlUnits } from './pgsql-data';
import { grantBag, readConsumerRequest } from './provider-data';

describe('pgsql provider core', () => {
  it('reads a consumer request from any unit', () => {
    expect(
      readConsumerRequest([
        { unit: 'a/0', data: {} },
        { unit: 'a/1', data: { database: 'votes', roles: 'r2,r1', extensions: 'hstore' } },
      ]),
    ).toEqual({
      database: 'votes',
      roles: ['r1', 'r2'],
      extensions: ['hstore'],
      mirror: { roles: 'r2,r1', extensions: 'hstore' },
      egressSubnets: [],
    });
    expect(readConsumerRequest([])).toEqual({
      database: undefined,
      roles: [],
      extensions: [],
      mirror: {},
      egressSubnets: [],
    });
  });

  it('prefers the application bag (current clients) and collects every unit’s egress subnets', () => {
    const request = readConsumerRequest(
      [
        { unit: 'a/0', data: { database: 'old', 'egress-subnets': '10.0.0.5/32' } },
        { unit: 'a/1', data: { 'egress-subnets': '10.0.0.6/32, 10.0.0.5/32' } },
      ],
      { database: 'new', extensions: 'citext:myschema,hstore' },
    );
    expect(request).toEqual({
      database: 'new',
      roles: [],
      extensions: ['citext:myschema', 'hstore'],
      mirror: { extensions: 'citext:myschema,hstore' },
      egressSubnets: ['10.0.0.5/32', '10.0.0.6/32'],
    });
  });

  it('publishes a bag the requires side accepts', () => {
    const bag = grantBag({
      host: '10.0.0.9',
      port: 5432,
      database: 'votes',
      user: 'u',
      password: 'p',
      allowedUnits: ['a/1', 'a/0'],
      allowedSubnets: ['10.0.0.6/32', '10.0.0.5/32'],
      mirror: { roles: 'r1' },
    });
    expect(bag).toMatchObject({
      host: '10.0.0.9',
      port: '5432',
      'allowed-units': 'a/0 a/1',
      'allowed-subnets': '10.0.0.5/32,10.0.0.6/32',
      roles: 'r1',
      state: 'standalone',
    });
    const { master } = readPgsqlUnits([{ unit: 'postgresql/0', data: bag }], 'a/1', {
      database: 'votes',
      roles: ['r1'],
    });
    expect(master?.toString()).toBe(bag.master);
    expect(master).toMatchObject({ host: '10.0.0.9', port: 5432, dbname: 'votes', user: 'u', password: 'p' });
  });
});

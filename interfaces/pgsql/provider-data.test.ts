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
    });
    expect(readConsumerRequest([])).toEqual({ database: undefined, roles: [], extensions: [] });
  });

  it('publishes a bag the requires side accepts', () => {
    const bag = grantBag({
      host: '10.0.0.9',
      port: 5432,
      database: 'votes',
      user: 'u',
      password: 'p',
      allowedUnits: ['a/1', 'a/0'],
      roles: ['r1'],
    });
    expect(bag).toMatchObject({
      host: '10.0.0.9',
      port: '5432',
      'allowed-units': 'a/0 a/1',
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

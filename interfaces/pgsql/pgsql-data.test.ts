import { ConnectionString, parseConnectionString } from './connection-string';
import { joinList, readPgsqlUnits, splitList } from './pgsql-data';

const full = {
  host: '10.0.0.5',
  port: '5432',
  database: 'voting',
  user: 'u1',
  password: 'p w',
  'allowed-units': 'voting-app/0 voting-app/1',
};

describe('readPgsqlUnits', () => {
  it('is ready when all five fields are present and this unit is allowed', () => {
    const { master, problems } = readPgsqlUnits([{ unit: 'postgresql/0', data: full }], 'voting-app/1');
    expect(problems).toEqual([]);
    expect(master).toBeInstanceOf(ConnectionString);
    expect(master).toMatchObject({ host: '10.0.0.5', port: 5432, dbname: 'voting', user: 'u1', password: 'p w' });
    expect(master?.uri).toBe('postgresql://u1:p%20w@10.0.0.5:5432/voting');
  });

  it('waits while this unit is not in allowed-units', () => {
    const { master, problems } = readPgsqlUnits([{ unit: 'postgresql/0', data: full }], 'voting-app/7');
    expect(master).toBeUndefined();
    expect(problems).toEqual([
      expect.objectContaining({ unit: 'postgresql/0', key: 'allowed-units', kind: 'missing' }),
    ]);
  });

  it('does not require allowed-units when the provider does not send it', () => {
    const { 'allowed-units': _omit, ...rest } = full;
    expect(readPgsqlUnits([{ unit: 'pg/0', data: rest }], 'x/0').master?.dbname).toBe('voting');
  });

  it.each(['host', 'port', 'database', 'user', 'password'])('is not ready without %s', (key) => {
    const data: Record<string, string> = { ...full };
    delete data[key];
    const { master, problems } = readPgsqlUnits([{ unit: 'pg/0', data }], 'voting-app/0');
    expect(master).toBeUndefined();
    expect(problems[0]).toMatchObject({ key, kind: 'missing' });
  });

  it('rejects a non-numeric port, naming unit and key', () => {
    const { master, problems } = readPgsqlUnits(
      [{ unit: 'pg/0', data: { ...full, port: 'fivefour' } }],
      'voting-app/0',
    );
    expect(master).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ unit: 'pg/0', key: 'port', kind: 'invalid' })]);
  });

  it('waits until the requested database, roles and extensions are mirrored', () => {
    const units = [{ unit: 'pg/0', data: { ...full, roles: 'b,a' } }];
    expect(readPgsqlUnits(units, 'voting-app/0', { database: 'other' }).master).toBeUndefined();
    expect(readPgsqlUnits(units, 'voting-app/0', { database: 'voting', roles: ['a', 'b'] }).master).toBeDefined();
    expect(readPgsqlUnits(units, 'voting-app/0', { extensions: ['hstore'] }).problems[0]).toMatchObject({
      key: 'extensions',
    });
  });

  it('prefers the master key and picks the master/standalone unit otherwise', () => {
    const master = "host=10.9.9.9 port=5433 dbname=d user=u password='it\\'s'";
    expect(readPgsqlUnits([{ unit: 'pg/1', data: { master, 'allowed-units': 'a/0' } }], 'a/0').master).toMatchObject({
      host: '10.9.9.9',
      port: 5433,
      password: "it's",
    });
    const units = [
      { unit: 'pg/0', data: { ...full, host: 'standby', state: 'hot standby' } },
      { unit: 'pg/1', data: { ...full, host: 'primary', state: 'master' } },
    ];
    expect(readPgsqlUnits(units, 'voting-app/0').master?.host).toBe('primary');
    const failover = units.map((u) => ({ ...u, data: { ...u.data, state: 'master' } }));
    expect(readPgsqlUnits(failover, 'voting-app/0').master).toBeUndefined();
  });

  it('reports a malformed master string', () => {
    const { problems } = readPgsqlUnits([{ unit: 'pg/0', data: { master: "host='unterminated" } }], 'a/0');
    expect(problems[0]).toMatchObject({ unit: 'pg/0', key: 'master', kind: 'invalid' });
  });
});

describe('connection strings and lists', () => {
  it('round-trips awkward values through the libpq form', () => {
    const cs = new ConnectionString({ host: 'h', port: 1, dbname: 'my db', user: "o'neil", password: 'a\\b' });
    expect(parseConnectionString(cs.toString())).toEqual({
      host: 'h',
      port: '1',
      dbname: 'my db',
      user: "o'neil",
      password: 'a\\b',
    });
  });

  it('normalises role lists', () => {
    expect(splitList(' b, a,,b ')).toEqual(['a', 'b']);
    expect(joinList(['z', 'a', 'z'])).toBe('a,z');
  });
});

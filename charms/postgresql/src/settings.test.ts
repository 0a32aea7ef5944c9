import { isSettingsProblem } from 'layer:basic';
import { readSettings } from './settings';

const good = { image: 'rxcharm/postgres', port: 5432, database: '', user: '' };

describe('postgresql settings', () => {
  it('accepts the defaults and explicit names', () => {
    expect(readSettings(good)).toEqual(good);
    expect(readSettings({ ...good, database: 'votes', user: 'voter_1' })).toEqual({
      ...good,
      database: 'votes',
      user: 'voter_1',
    });
    expect(readSettings({ ...good, database: undefined, user: undefined })).toEqual(good);
  });

  it.each([
    [{ image: 'postgres 15' }, 'image'],
    [{ port: 0 }, 'port'],
    [{ port: 70000 }, 'port'],
    [{ database: '1abc' }, 'database'],
    [{ database: 'a b' }, 'database'],
    [{ database: 'x'.repeat(64) }, 'database'],
    [{ user: 'bad"name' }, 'user'],
    [{ user: 'postgres' }, 'user'],
  ])('refuses %j naming %s', (patch, option) => {
    const result = readSettings({ ...good, ...patch });
    expect(isSettingsProblem(result)).toBe(true);
    expect(result).toMatchObject({ option });
    expect((result as { message: string }).message).toContain(option);
  });
});

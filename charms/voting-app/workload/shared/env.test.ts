import { options, pgSettings, port, redisSettings, WorkloadConfigError } from './env';

describe('workload environment', () => {
  it('applies the documented defaults', () => {
    expect(redisSettings({})).toEqual({ host: 'redis', port: 6379 });
    expect(pgSettings({})).toEqual({ host: 'db', port: 5432, user: 'postgres', password: '', database: 'postgres' });
    expect(options({})).toEqual({ a: 'Cats', b: 'Dogs' });
  });

  it('treats empty values (absent keys rendered by compose) as unset', () => {
    expect(redisSettings({ REDIS_HOST: '', REDIS_PORT: '', REDIS_PASSWORD: '' })).toEqual({
      host: 'redis',
      port: 6379,
    });
  });

  it('reads every variable', () => {
    expect(redisSettings({ REDIS_HOST: '10.0.0.5', REDIS_PORT: '7000', REDIS_PASSWORD: 'p:w' })).toEqual({
      host: '10.0.0.5',
      port: 7000,
      password: 'p:w',
    });
    expect(pgSettings({ PG_HOST: 'pg', PG_PORT: '6543', PG_USER: 'u', PG_PASS: 's', PG_DB: 'votes' })).toEqual({
      host: 'pg',
      port: 6543,
      user: 'u',
      password: 's',
      database: 'votes',
    });
    expect(options({ OPTION_A: 'Tabs', OPTION_B: 'Spaces' })).toEqual({ a: 'Tabs', b: 'Spaces' });
  });

  it.each(['0', '65536', 'abc', '80x', '-1', '1.5'])('rejects port %p naming the variable', (raw) => {
    expect(() => port({ PG_PORT: raw }, 'PG_PORT', 5432)).toThrow(WorkloadConfigError);
    expect(() => port({ PG_PORT: raw }, 'PG_PORT', 5432)).toThrow(`PG_PORT='${raw}'`);
  });
});

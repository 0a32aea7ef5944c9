import { isSettingsProblem } from 'layer:basic';
import { readSettings } from './settings';

describe('redis settings', () => {
  it('accepts an image and a port, trimming the image', () => {
    expect(readSettings({ image: ' rxcharm/redis ', port: 16379 })).toEqual({
      image: 'rxcharm/redis',
      port: 16379,
      auth: true,
    });
    expect(readSettings({ image: 'redis:7', port: 6379, auth: false })).toMatchObject({ auth: false });
  });

  it.each([
    [{ image: '', port: 6379 }, 'image'],
    [{ image: 'redis 7', port: 6379 }, 'image'],
    [{ image: null, port: 6379 }, 'image'],
    [{ image: 'redis:7', port: 0 }, 'port'],
    [{ image: 'redis:7', port: 65536 }, 'port'],
    [{ image: 'redis:7', port: 63.5 }, 'port'],
    [{ image: 'redis:7', port: '6379' }, 'port'],
    [{ image: 'redis:7', port: 6379, auth: 'no' }, 'auth'],
  ])('refuses %j naming %s', (config, option) => {
    const result = readSettings(config);
    expect(isSettingsProblem(result)).toBe(true);
    expect(result).toMatchObject({ option });
    expect((result as { message: string }).message).toContain(option);
  });
});

import { readSettings } from './settings';

const DEFAULTS = { image: 'rxcharm/haproxy', port: 8080, 'stats-port': 8404, 'check-interval': 2 };

describe('readSettings', () => {
  it('reads the defaults', () => {
    expect(readSettings(DEFAULTS)).toEqual({ image: 'rxcharm/haproxy', port: 8080, statsPort: 8404, checkInterval: 2 });
  });
  it.each([
    [{ port: 0 }, 'port'],
    [{ 'stats-port': 8080 }, 'stats-port'],
    [{ 'check-interval': 0 }, 'check-interval'],
    [{ 'check-interval': 1.5 }, 'check-interval'],
    [{ image: '' }, 'image'],
  ])('names the option of a bad value %j', (patch, option) => {
    expect(readSettings({ ...DEFAULTS, ...patch })).toEqual(expect.objectContaining({ option }));
  });
});

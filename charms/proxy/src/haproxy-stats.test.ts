import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchBackendHealth, parseBackendHealth } from './haproxy-stats';

const CSV = [
  '# pxname,svname,qcur,qmax,scur,smax,slim,stot,bin,bout,dreq,dresp,ereq,econ,eresp,wretr,wredis,status,weight',
  'http,FRONTEND,,,0,1,262,3,0,0,0,0,0,,,,,OPEN,',
  'backends,voting-app-0,0,0,0,1,,2,0,0,,0,,0,0,0,0,UP,1',
  'backends,voting-app-1,0,0,0,1,,1,0,0,,0,,0,0,0,0,DOWN,1',
  'backends,voting-app-2,0,0,0,1,,1,0,0,,0,,0,0,0,0,UP 1/2,1',
  'backends,BACKEND,0,0,0,1,26,3,0,0,0,0,,0,0,0,0,UP,2',
  'stats,FRONTEND,,,1,1,262,2,0,0,0,0,0,,,,,OPEN,',
  '',
].join('\n');

describe('parseBackendHealth', () => {
  it('counts the backend servers and those up (going down still counts as up)', () => {
    expect(parseBackendHealth(CSV)).toEqual({ up: 2, total: 3 });
  });
  it('reads nothing from a page without the columns', () => {
    expect(parseBackendHealth('<html>')).toEqual({ up: 0, total: 0 });
  });
});

describe('fetchBackendHealth', () => {
  it('reads the CSV page on the loopback port, and gives undefined when nothing answers', async () => {
    const server = createServer((req, res) => {
      res.writeHead(req.url === '/stats;csv' ? 200 : 404).end(CSV);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      expect(await fetchBackendHealth(port)).toEqual({ up: 2, total: 3 });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(await fetchBackendHealth(port)).toBeUndefined();
  });
});

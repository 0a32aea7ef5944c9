/**
 * How many backends HAProxy reports up, read from its statistics page (CSV form). The parse is
 * pure; `fetchBackendHealth` is the thin I/O shell the charm calls.
 */
import { request } from 'node:http';
import { BACKEND_NAME } from './haproxy-config';

/** Servers of the proxy's backend by health. */
export interface BackendHealth {
  readonly up: number;
  readonly total: number;
}

/** Counts the servers of the backend section in `show stat` CSV (`# pxname,svname,...`). */
export function parseBackendHealth(csv: string): BackendHealth {
  const lines = csv.split('\n').filter((l) => l.trim() !== '');
  const header = (lines[0] ?? '').replace(/^#\s*/, '').split(',');
  const px = header.indexOf('pxname');
  const sv = header.indexOf('svname');
  const st = header.indexOf('status');
  if (px < 0 || sv < 0 || st < 0) return { up: 0, total: 0 };
  let up = 0;
  let total = 0;
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    if (cells[px] !== BACKEND_NAME || cells[sv] === 'BACKEND' || cells[sv] === 'FRONTEND') continue;
    total++;
    if ((cells[st] ?? '').startsWith('UP')) up++;
  }
  return { up, total };
}

/** Reads the statistics page on `127.0.0.1:port`; undefined when it does not answer in time. */
export function fetchBackendHealth(port: number, timeoutMs = 2000): Promise<BackendHealth | undefined> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/stats;csv', timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve(res.statusCode === 200 ? parseBackendHealth(body) : undefined));
      res.on('error', () => resolve(undefined));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
    req.end();
  });
}

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contextEntries } from './build-context';
import { buildQuery } from './image-build';

describe('buildQuery', () => {
  it('maps a build spec to the Engine query parameters, leaving out what is unset', () => {
    expect(buildQuery({ context: '/c', tags: ['p-app'] })).toEqual({ t: ['p-app'], rm: true, forcerm: true });
    expect(
      buildQuery({
        context: '/c',
        tags: ['a:1'],
        dockerfile: 'Dockerfile.dev',
        args: { V: '1' },
        target: 'prod',
        labels: { l: 'x' },
        cacheFrom: ['a:cache'],
        network: 'host',
        extraHosts: ['h:1.2.3.4', 'g:5.6.7.8'],
        shmSize: 1024,
        platform: 'linux/amd64',
        noCache: true,
        pull: true,
      }),
    ).toEqual({
      t: ['a:1'],
      rm: true,
      forcerm: true,
      dockerfile: 'Dockerfile.dev',
      buildargs: { V: '1' },
      target: 'prod',
      labels: { l: 'x' },
      cachefrom: ['a:cache'],
      networkmode: 'host',
      extrahosts: 'h:1.2.3.4,g:5.6.7.8',
      shmsize: 1024,
      platform: 'linux/amd64',
      nocache: true,
      pull: true,
    });
  });
});

describe('contextEntries', () => {
  it('lists every file below the context, relative and sorted, directories walked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rxctx-'));
    try {
      mkdirSync(join(dir, 'src', 'lib'), { recursive: true });
      writeFileSync(join(dir, 'Dockerfile'), 'FROM x');
      writeFileSync(join(dir, 'src', 'lib', 'a.js'), '');
      writeFileSync(join(dir, '.dockerignore'), '');
      expect(contextEntries(dir)).toEqual(['.dockerignore', 'Dockerfile', 'src/lib/a.js']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

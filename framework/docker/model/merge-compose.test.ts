import { ComposeFileError } from '../errors';
import { mergeCompose } from './merge-compose';
import { parseComposeFiles } from './parse-compose';

describe('mergeCompose (the specification merge rules)', () => {
  it('merges services key by key: scalars win, lists append, commands replace, env and labels by name', () => {
    const base = {
      version: '2',
      services: {
        web: {
          image: 'app:1',
          command: ['serve', '--debug'],
          environment: ['A=1', 'B=2'],
          labels: { team: 'a' },
          ports: ['80:80'],
          volumes: ['data:/data', './conf:/conf:ro'],
          networks: ['front'],
          depends_on: ['db'],
          env_file: 'a.env',
          healthcheck: { test: ['CMD', 'a'], interval: '1s' },
        },
        db: { image: 'db' },
      },
      volumes: { data: {} },
    };
    const over = {
      services: {
        web: {
          image: 'app:2',
          command: ['serve'],
          environment: { B: '3', C: '4' },
          labels: ['tier=web'],
          ports: ['80:80', '443:443'],
          volumes: ['./local:/conf'],
          networks: { back: { aliases: ['w'] } },
          depends_on: { cache: { condition: 'service_healthy' } },
          env_file: ['b.env'],
          healthcheck: { test: ['CMD', 'b'] },
        },
        cache: { image: 'cache' },
      },
    };
    expect(mergeCompose(base, over)).toEqual({
      version: '2',
      services: {
        web: {
          image: 'app:2',
          command: ['serve'],
          environment: { A: '1', B: '3', C: '4' },
          labels: { team: 'a', tier: 'web' },
          ports: ['80:80', '443:443'],
          volumes: ['data:/data', './local:/conf'],
          networks: { front: null, back: { aliases: ['w'] } },
          depends_on: { db: { condition: 'service_started' }, cache: { condition: 'service_healthy' } },
          env_file: ['a.env', 'b.env'],
          healthcheck: { test: ['CMD', 'b'], interval: '1s' },
        },
        db: { image: 'db' },
        cache: { image: 'cache' },
      },
      volumes: { data: {} },
    });
  });
});

describe('parseComposeFiles', () => {
  const parse = (files: Record<string, string>, env: Record<string, string> = {}) =>
    parseComposeFiles(
      Object.entries(files).map(([file, text]) => ({ file, text })),
      { file: '', env, home: '/home/u', readFile: () => '' },
    );

  it('interpolates each file on its own, merges in order, and resolves paths against the first', () => {
    const m = parse(
      {
        '/proj/docker-compose.yml': 'services:\n  web: {image: "app:${TAG}", volumes: ["./a:/a"]}\n',
        '/proj/override/docker-compose.override.yml':
          'services:\n  web: {environment: ["X=${TAG}"], volumes: ["./b:/b"]}\n',
      },
      { TAG: '7' },
    );
    expect(m.file).toBe('/proj/docker-compose.yml');
    expect(m.services.web.image).toBe('app:7');
    expect(m.services.web.environment).toEqual({ X: '7' });
    expect(m.services.web.volumes.map((v) => v.source)).toEqual(['/proj/a', '/proj/b']);
  });

  it('names the file and line that wrote a bad value', () => {
    const run = () =>
      parse({
        '/proj/a.yml': 'services:\n  web:\n    image: x\n',
        '/proj/b.yml': '# override\nservices:\n  web:\n    restart: sometimes\n',
      });
    expect(run).toThrow(ComposeFileError);
    expect(run).toThrow(/\/proj\/b.yml:4 at services.web.restart/);
  });
});

import { stringify } from 'yaml';
import { formatDuration, specForm } from './compose-config';
import { parseCompose } from './model/parse-compose';

const parse = (text: string, env: Record<string, string> = {}) =>
  parseCompose(text, { file: '/proj/docker-compose.yml', env, home: '/home/u', readFile: () => 'FROM_FILE=1\n' });

describe('specForm (compose config)', () => {
  it('prints the interpolated, normalized model in the specification form', () => {
    const model = parse(`
version: "2"
x-anchor: &base {init: true}
services:
  web:
    <<: *base
    image: app:\${TAG:-1}
    command: sh -c "exec sleep 1d"
    env_file: web.env
    environment: [B=2, A=1, UNSET]
    ports: ["127.0.0.1:8080:80", "9000/udp"]
    volumes: ["data:/data:ro", "./conf:/conf"]
    depends_on: [db]
    restart: on-failure:3
    stop_grace_period: 1m30s
    healthcheck: {test: curl -f localhost, interval: 500ms}
  db:
    image: db
    network_mode: "service:web2"
  web2: {image: x, scale: 2}
volumes:
  data: {}
  ext: {external: true, name: shared}
`);
    const doc = specForm(model, 'proj');
    expect(doc).toEqual({
      name: 'proj',
      services: {
        db: {
          image: 'db',
          network_mode: 'service:web2',
          scale: 1,
        },
        web: {
          command: ['sh', '-c', 'exec sleep 1d'],
          depends_on: { db: { condition: 'service_started', required: true, restart: false } },
          environment: { FROM_FILE: '1', A: '1', B: '2', UNSET: null },
          healthcheck: { test: ['CMD-SHELL', 'curl -f localhost'], interval: '500ms' },
          image: 'app:1',
          init: true,
          networks: { default: null },
          ports: [
            { mode: 'ingress', host_ip: '127.0.0.1', target: 80, published: '8080', protocol: 'tcp' },
            { mode: 'ingress', target: 9000, protocol: 'udp' },
          ],
          restart: 'on-failure:3',
          scale: 1,
          stop_grace_period: '1m30s',
          volumes: [
            { type: 'volume', source: 'data', target: '/data', read_only: true },
            { type: 'bind', source: '/proj/conf', target: '/conf' },
          ],
        },
        web2: { image: 'x', networks: { default: null }, scale: 2 },
      },
      networks: { default: { name: 'proj_default' } },
      volumes: { data: { name: 'proj_data' }, ext: { name: 'shared', external: true } },
    });
    // It reads back as the same model.
    expect(specForm(parse(stringify(doc)), 'proj')).toEqual(doc);
  });

  it('formats durations as docker compose does', () => {
    expect([formatDuration(90e9), formatDuration(5e8), formatDuration(3600e9 + 1e6), formatDuration(0)]).toEqual([
      '1m30s',
      '500ms',
      '1h1ms',
      '0s',
    ]);
  });
});

import { containerCreateBody, demuxDockerStream } from './engine-body';
import { query } from './engine-http';
import { bareContainerSpec } from '../../../test/support/container-spec';

describe('containerCreateBody', () => {
  it('maps a spec to the Engine API body', () => {
    const body = containerCreateBody({
      name: 'p_web_1',
      image: 'img',
      cmd: ['a', 'b'],
      env: ['A=1', 'UNSET'],
      labels: { l: 'v' },
      exposedPorts: ['9000/tcp'],
      portBindings: { '80/tcp': [{ hostIp: '127.0.0.1', hostPort: '8080' }] },
      mounts: [
        { type: 'bind', source: '/host', target: '/c', readOnly: true },
        { type: 'volume', source: 'p_data', target: '/data', readOnly: false },
        { type: 'volume', target: '/anon', readOnly: false },
      ],
      networkMode: 'p_default',
      networkAliases: ['web'],
      links: ['p_db_1:db'],
      restartPolicy: { name: 'on-failure', maximumRetryCount: 3 },
      healthcheck: { test: ['CMD', 'true'], intervalNs: 1e9 },
      stopTimeoutSeconds: 5,
      init: true,
    });
    expect(body).toEqual({
      Image: 'img',
      Cmd: ['a', 'b'],
      Env: ['A=1', 'UNSET'],
      Labels: { l: 'v' },
      ExposedPorts: { '9000/tcp': {}, '80/tcp': {} },
      StopTimeout: 5,
      Healthcheck: { Test: ['CMD', 'true'], Interval: 1e9, Timeout: 0, StartPeriod: 0, Retries: 0 },
      HostConfig: {
        PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }] },
        Binds: ['/host:/c:ro'],
        Mounts: [
          { Type: 'volume', Source: 'p_data', Target: '/data', ReadOnly: false },
          { Type: 'volume', Target: '/anon', ReadOnly: false },
        ],
        NetworkMode: 'p_default',
        Links: ['p_db_1:db'],
        RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 3 },
        Init: true,
      },
      NetworkingConfig: { EndpointsConfig: { p_default: { Aliases: ['web'] } } },
    });
  });

  it('leaves Cmd and Entrypoint out when the image default applies', () => {
    const body = containerCreateBody(bareContainerSpec({ name: 'n', image: 'i' }));
    expect(body).not.toHaveProperty('Cmd');
    expect(body).not.toHaveProperty('Entrypoint');
  });
});

describe('demuxDockerStream', () => {
  const frame = (stream: number, text: string) => {
    const payload = Buffer.from(text);
    const header = Buffer.alloc(8);
    header[0] = stream;
    header.writeUInt32BE(payload.length, 4);
    return Buffer.concat([header, payload]);
  };
  it('joins stdout and stderr frames in order', () => {
    expect(demuxDockerStream(Buffer.concat([frame(1, 'out\n'), frame(2, 'err\n'), frame(1, 'more')]))).toBe(
      'out\nerr\nmore',
    );
  });
  it('passes TTY output through', () =>
    expect(demuxDockerStream(Buffer.from('plain text output'))).toBe('plain text output'));
});

describe('query', () => {
  it('encodes values and JSON-encodes filters', () => {
    expect(query({ all: true, filters: { label: ['a=b'] }, skip: undefined })).toBe(
      `?all=true&filters=${encodeURIComponent('{"label":["a=b"]}')}`,
    );
    expect(query({})).toBe('');
  });
});

import { ComposeUsageError } from '../errors';
import { parseDockerHost } from './docker-host';

describe('parseDockerHost', () => {
  it.each<[string | undefined, object]>([
    [undefined, { kind: 'socket', socketPath: '/var/run/docker.sock' }],
    ['', { kind: 'socket', socketPath: '/var/run/docker.sock' }],
    ['/run/user/1000/docker.sock', { kind: 'socket', socketPath: '/run/user/1000/docker.sock' }],
    [
      'unix:///var/run/other.sock',
      { kind: 'socket', socketPath: '/var/run/other.sock', display: 'unix:///var/run/other.sock' },
    ],
    ['tcp://10.0.0.2:2375', { kind: 'tcp', protocol: 'http', host: '10.0.0.2', port: 2375 }],
    ['tcp://docker.example', { kind: 'tcp', protocol: 'http', host: 'docker.example', port: 2375 }],
    ['https://docker.example', { kind: 'tcp', protocol: 'https', port: 2376 }],
    ['tcp://[::1]:2375', { kind: 'tcp', host: '::1', port: 2375 }],
  ])('%j', (value, expected) => expect(parseDockerHost(value)).toMatchObject(expected));

  it('TLS settings turn tcp:// into https on port 2376 and do not apply to sockets', () => {
    const tls = { verify: true, ca: 'CA' };
    expect(parseDockerHost('tcp://h', tls)).toMatchObject({ kind: 'tcp', protocol: 'https', port: 2376, tls });
    expect(parseDockerHost('tcp://h:2375', tls)).toMatchObject({ protocol: 'https', port: 2375, tls });
    expect(parseDockerHost('tcp://h:2375')).not.toHaveProperty('tls');
    expect(parseDockerHost('https://h')).toMatchObject({ protocol: 'https', tls: { verify: true } });
    expect(parseDockerHost('/run/docker.sock', tls)).toEqual({
      kind: 'socket',
      socketPath: '/run/docker.sock',
      display: 'unix:///run/docker.sock',
    });
  });

  it.each(['ssh://user@host', 'unix://relative.sock', 'tcp://', 'docker.sock'])('rejects %j', (value) => {
    expect(() => parseDockerHost(value)).toThrow(ComposeUsageError);
    expect(() => parseDockerHost(value)).toThrow(/invalid docker_host/);
  });
});

import { dockerSettingsFromEnv } from './docker-env';

/** A file system of PEM files; records what was read. */
function files(present: Record<string, string>): { read: (path: string) => Buffer | undefined; seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    read: (path) => {
      seen.push(path);
      return present[path] === undefined ? undefined : Buffer.from(present[path]);
    },
  };
}

describe('dockerSettingsFromEnv', () => {
  it('without TLS variables: the host only, and no file is read', () => {
    const fs = files({});
    expect(dockerSettingsFromEnv({ DOCKER_HOST: 'tcp://h:2375', DOCKER_CERT_PATH: '/c' }, fs.read)).toEqual({
      host: 'tcp://h:2375',
    });
    expect(dockerSettingsFromEnv({ DOCKER_HOST: '  ' }, fs.read)).toEqual({});
    expect(fs.seen).toEqual([]);
  });

  it('DOCKER_TLS_VERIFY (any non-empty value, as the docker CLI) verifies, with the PEM files of DOCKER_CERT_PATH', () => {
    const fs = files({ '/c/ca.pem': 'CA', '/c/cert.pem': 'CERT', '/c/key.pem': 'KEY' });
    const s = dockerSettingsFromEnv(
      { DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/c' },
      fs.read,
    );
    expect(s.host).toBe('tcp://h:2376');
    expect(s.tls?.verify).toBe(true);
    expect([s.tls?.ca, s.tls?.cert, s.tls?.key].map(String)).toEqual(['CA', 'CERT', 'KEY']);
    expect(dockerSettingsFromEnv({ DOCKER_TLS_VERIFY: '0', DOCKER_CERT_PATH: '/c' }, fs.read).tls?.verify).toBe(true);
  });

  it('DOCKER_TLS alone is TLS without verification; missing files are left out; the default dir is $HOME/.docker', () => {
    const fs = files({ '/home/u/.docker/ca.pem': 'CA' });
    const s = dockerSettingsFromEnv({ DOCKER_TLS: '1', HOME: '/home/u' }, fs.read);
    expect(s).toEqual({ tls: { verify: false, ca: Buffer.from('CA'), cert: undefined, key: undefined } });
    expect(fs.seen).toEqual(['/home/u/.docker/ca.pem', '/home/u/.docker/cert.pem', '/home/u/.docker/key.pem']);
  });
});

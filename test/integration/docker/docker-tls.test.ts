import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server, type TLSSocket } from 'node:tls';
import {
  DEFAULT_DOCKER_SOCKET,
  DockerApiError,
  dockerClientFromEnv,
  DockerodeClient,
  ImagePullError,
  type DockerTlsOptions,
} from '../../../framework/docker';
import {
  bareContainerSpec,
  ensureBusyboxImage,
  TestComposeProject,
  removeByLabel,
  TEST_LABEL,
  testLabels,
  uniqueName,
} from '../../support';

jest.setTimeout(120_000);

/**
 * A daemon reachable only over TLS with client certificates, as `dockerd --tlsverify` is: a TLS
 * listener on 127.0.0.1 that forwards each authenticated connection to the real daemon's socket
 * (no second dockerd). Certificates are made here with openssl: a CA, a server certificate for
 * 127.0.0.1/localhost, and a client certificate, all signed by the CA.
 */
function makeCertificates(dir: string): void {
  const ssl = (...args: string[]): void => void execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  ssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=rxcharm test CA',
    '-keyout',
    'ca-key.pem',
    '-out',
    'ca.pem',
  );
  writeFileSync(join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  writeFileSync(join(dir, 'client.ext'), 'extendedKeyUsage=clientAuth\n');
  for (const [name, cn] of [
    ['server', 'localhost'],
    ['client', 'rxcharm test client'],
  ]) {
    ssl(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      `/CN=${cn}`,
      '-keyout',
      `${name}-key.pem`,
      '-out',
      `${name}.csr`,
    );
    ssl(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca-key.pem',
      '-CAcreateserial',
      '-days',
      '2',
      '-extfile',
      `${name}.ext`,
      '-out',
      `${name}-cert.pem`,
    );
  }
  // The Docker CLI's file names in DOCKER_CERT_PATH.
  writeFileSync(join(dir, 'cert.pem'), readFileSync(join(dir, 'client-cert.pem')));
  writeFileSync(join(dir, 'key.pem'), readFileSync(join(dir, 'client-key.pem')));
}

describe('DockerodeClient over TLS (a TLS listener in front of the real daemon)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rxcharm-docker-tls-'));
  const run = uniqueName('rxtls');
  let server: Server;
  let port = 0;
  let handshakes = 0;
  let tls: DockerTlsOptions;
  const pem = (name: string): Buffer => readFileSync(join(dir, name));

  beforeAll(async () => {
    makeCertificates(dir);
    tls = { verify: true, ca: pem('ca.pem'), cert: pem('cert.pem'), key: pem('key.pem') };
    server = createServer(
      {
        key: pem('server-key.pem'),
        cert: pem('server-cert.pem'),
        ca: pem('ca.pem'),
        requestCert: true,
        rejectUnauthorized: true,
      },
      (socket: TLSSocket) => {
        handshakes++;
        const daemon = connect(DEFAULT_DOCKER_SOCKET);
        socket.pipe(daemon).pipe(socket);
        const close = (): void => {
          socket.destroy();
          daemon.destroy();
        };
        socket.on('error', close);
        daemon.on('error', close);
      },
    );
    server.on('tlsClientError', () => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });

  afterAll(async () => {
    removeByLabel(`${TEST_LABEL}=${run}`);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs request/response calls and the dockerode streams (exec, pull) over the TLS connection', async () => {
    const client = new DockerodeClient({ host: `tcp://127.0.0.1:${port}`, tls, timeoutMs: 60_000 });
    const before = handshakes;
    await client.ping();
    expect((await client.version()).apiVersion).toMatch(/^\d+\.\d+$/);
    const id = await client.createContainer(
      bareContainerSpec({
        name: `${run}_one`,
        image: ensureBusyboxImage(),
        cmd: ['sh', '-c', 'echo over-tls; sleep 1d'],
        labels: testLabels(run),
        init: true,
      }),
    );
    await client.startContainer(id);
    expect((await client.inspectContainer(id))?.running).toBe(true);
    expect((await client.listContainers([`${TEST_LABEL}=${run}`])).map((c) => c.id)).toEqual([id]);
    expect(await client.exec(id, ['echo', 'exec-over-tls'])).toEqual({ exitCode: 0, output: 'exec-over-tls\n' });
    expect(await client.containerLogs(id)).toBe('over-tls\n');
    await client.removeContainer(id, { force: true });
    expect(await client.inspectContainer(id)).toBeUndefined();
    // The pull stream reaches the daemon, which answers that the image does not exist.
    await expect(client.pullImage('rxcharm-test/does-not-exist:never')).rejects.toBeInstanceOf(ImagePullError);
    expect(handshakes - before).toBeGreaterThanOrEqual(9);
  });

  it('takes DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH as the docker CLI does, and compose converges through it', async () => {
    const client = dockerClientFromEnv({
      DOCKER_HOST: `tcp://127.0.0.1:${port}`,
      DOCKER_TLS_VERIFY: '1',
      DOCKER_CERT_PATH: dir,
    });
    expect(client.host).toBe(`tcp://127.0.0.1:${port}`);
    await using p = new TestComposeProject({ prefix: 'rxtls', docker: client });
    p.write(`services:\n  web: {image: ${ensureBusyboxImage()}, command: sleep 1d, init: true}\n`);
    expect((await p.compose().up()).map((a) => a.kind)).toContain('create');
    expect((await p.compose().ps()).map((c) => c.state)).toEqual(['running']);
    await p.compose().down();
    expect(await p.compose().ps()).toEqual([]);
  });

  it('refuses a daemon whose certificate it cannot verify, and a daemon refuses a client without a certificate', async () => {
    const host = `tcp://127.0.0.1:${port}`;
    const unverified = new DockerodeClient({ host, tls: { verify: true, cert: tls.cert, key: tls.key } });
    await expect(unverified.ping()).rejects.toBeInstanceOf(DockerApiError);
    await expect(unverified.ping()).rejects.toThrow(/certificate/);
    const anonymous = new DockerodeClient({ host, tls: { verify: true, ca: tls.ca } });
    await expect(anonymous.ping()).rejects.toThrow();
    // Without verification the client still presents its certificate and gets in.
    await new DockerodeClient({ host, tls: { verify: false, cert: tls.cert, key: tls.key } }).ping();
  });
});

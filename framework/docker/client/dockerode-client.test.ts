import { Readable } from 'node:stream';
import { DockerUnavailableError, ImagePullError } from '../errors';
import type { PullProgressEvent } from '../../charm/docker-types';
import { useSocketServer } from '../../../test/support/socket-server';

// A stand-in for dockerode whose pull stream carries scripted JSON lines; followProgress is
// docker-modem's real implementation, the part that resolves even when a line is an error.
let pullLines: object[] = [];
let pullFailure: (Error & { statusCode?: number; code?: string }) | undefined;
let dockerodeMade = 0;
jest.mock('dockerode', () => {
  const Modem = jest.requireActual('docker-modem');
  return class FakeDockerode {
    constructor() {
      dockerodeMade++;
    }
    modem = new Modem({ socketPath: '/nonexistent.sock' });
    async pull(): Promise<Readable> {
      if (pullFailure) throw pullFailure;
      return Readable.from(pullLines.map((l) => `${JSON.stringify(l)}\n`));
    }
  };
});

// Imported after the mock so the client's lazy import('dockerode') gets the fake.
import { DockerodeClient } from './dockerode-client';

describe('DockerodeClient.pullImage', () => {
  beforeEach(() => {
    pullLines = [];
    pullFailure = undefined;
  });

  it('reports progress events and resolves on success', async () => {
    pullLines = [
      { status: 'Pulling from library/x', id: 'latest' },
      { status: 'Downloading', id: 'abc', progressDetail: { current: 5, total: 10 } },
      { status: 'Status: Downloaded newer image for x:latest' },
    ];
    const events: PullProgressEvent[] = [];
    await new DockerodeClient().pullImage('x:latest', { onProgress: (e) => events.push(e) });
    expect(events).toEqual([
      { image: 'x:latest', status: 'Pulling from library/x', layer: 'latest', current: undefined, total: undefined },
      { image: 'x:latest', status: 'Downloading', layer: 'abc', current: 5, total: 10 },
      {
        image: 'x:latest',
        status: 'Status: Downloaded newer image for x:latest',
        layer: undefined,
        current: undefined,
        total: undefined,
      },
    ]);
  });

  it('rejects with ImagePullError when an error arrives inside the stream', async () => {
    pullLines = [
      { status: 'Pulling fs layer', id: 'abc' },
      { error: 'unexpected EOF', errorDetail: { message: 'unexpected EOF' } },
    ];
    const error = await new DockerodeClient().pullImage('x:1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImagePullError);
    expect((error as ImagePullError).image).toBe('x:1');
    expect((error as Error).message).toMatch(/image pull failed: x:1\nunexpected EOF/);
  });

  it('rejects with ImagePullError on an HTTP error and DockerUnavailableError when unreachable', async () => {
    pullFailure = Object.assign(new Error('(HTTP code 404) not found'), { statusCode: 404 });
    await expect(new DockerodeClient().pullImage('nope:1')).rejects.toBeInstanceOf(ImagePullError);
    pullFailure = Object.assign(new Error('connect ENOENT'), { code: 'ENOENT' });
    await expect(new DockerodeClient().pullImage('nope:1')).rejects.toBeInstanceOf(DockerUnavailableError);
  });
});

describe('DockerodeClient request/response calls', () => {
  // A stand-in engine: multiplexed logs (stream 1, then stream 2), a listing, a ping.
  const { socketPath } = useSocketServer('rxcharm-dockerode-client-', (req, res) => {
    if (req.url?.startsWith('/containers/abc/logs?')) {
      const frame = (kind: number, text: string): Buffer =>
        Buffer.concat([Buffer.from([kind, 0, 0, 0, 0, 0, 0, text.length]), Buffer.from(text)]);
      res.writeHead(200).end(Buffer.concat([frame(1, 'out\n'), frame(2, 'err\n')]));
    } else if (req.url?.startsWith('/containers/json?')) {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('[]');
    } else {
      res.writeHead(200).end('OK');
    }
  });

  it('never load dockerode (a hook that pings, a compose up without pulls)', async () => {
    const before = dockerodeMade;
    const client = new DockerodeClient({ host: `unix://${socketPath}` });
    await client.ping();
    expect(await client.listContainers(['x=y'])).toEqual([]);
    expect(await client.containerLogs('abc')).toBe('out\nerr\n');
    expect(dockerodeMade).toBe(before);
  });
});

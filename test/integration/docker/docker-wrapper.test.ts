import { Docker, DockerApiError, DockerodeClient } from '../../../framework/docker';
import {
  bareContainerSpec,
  ensureBusyboxImage,
  removeByLabel,
  TEST_LABEL,
  testLabels,
  uniqueName,
} from '../../support';

jest.setTimeout(60_000);

describe('Docker (one-off verbs) on a real daemon', () => {
  const run = uniqueName('rxdocker');
  afterAll(() => removeByLabel(`${TEST_LABEL}=${run}`));

  it('runs a one-off container and returns exit code and output, removing it', async () => {
    const docker = new Docker(new DockerodeClient());
    const result = await docker.run(ensureBusyboxImage(), {
      cmd: ['sh', '-c', 'echo out; echo err >&2; exit 3'],
      labels: testLabels(run),
      env: { X: 'y' },
    });
    expect(result.exitCode).toBe(3);
    expect(result.output).toContain('out');
    expect(result.output).toContain('err');
    expect(await docker.ps([`${TEST_LABEL}=${run}`])).toEqual([]);
  });

  it('inspects, reports health, and names a missing container', async () => {
    const docker = new Docker(new DockerodeClient());
    const name = `${run}_health`;
    const id = await docker.client.createContainer(
      bareContainerSpec({
        name,
        image: ensureBusyboxImage(),
        cmd: ['sleep', '1d'],
        labels: testLabels(run),
        init: true,
        healthcheck: { test: ['CMD', 'true'], intervalNs: 200e6, retries: 3 },
      }),
    );
    await docker.client.startContainer(id);
    expect((await docker.inspect(name)).running).toBe(true);
    let health = await docker.healthcheck(name);
    for (let i = 0; i < 50 && health !== 'healthy'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      health = await docker.healthcheck(name);
    }
    expect(health).toBe('healthy');
    expect((await docker.ps([`${TEST_LABEL}=${run}`])).map((c) => c.name)).toEqual([name]);
    await expect(docker.inspect(`${run}_missing`)).rejects.toBeInstanceOf(DockerApiError);
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Compose, DockerUnavailableError } from '../../docker';
import type { DockerAction } from './docker-action';
import { FakeDockerClient } from './fake-docker-client';
import { recordingDockerClient } from './recording-docker-client';
import { useTempDir } from '../../../test/support/temp-dir';
import { bareContainerSpec } from '../../../test/support/container-spec';

describe('FakeDockerClient under Compose', () => {
  const tmp = useTempDir('fake-docker-');

  const compose = (text: string, docker: FakeDockerClient, actions: DockerAction[]): Compose => {
    writeFileSync(join(tmp.path, 'docker-compose.yml'), text);
    return new Compose(tmp.path, {
      project: 'demo',
      docker: recordingDockerClient(
        docker,
        (a) => actions.push(a),
        (id) => docker.nameOf(id),
      ),
    });
  };

  it('converges, then does nothing when nothing changed, then recreates only the changed service', async () => {
    const docker = new FakeDockerClient();
    const actions: DockerAction[] = [];
    const v1 = 'services:\n  web:\n    image: busybox:1\n  cache:\n    image: redis:alpine\n';
    await compose(v1, docker, actions).up();
    expect(actions.map((a) => a.method)).toEqual(
      expect.arrayContaining(['pullImage', 'createNetwork', 'createContainer', 'startContainer']),
    );
    expect(
      docker
        .snapshot()
        .containers.map((c) => [c.labels['com.docker.compose.service'], c.state])
        .sort(),
    ).toEqual([
      ['cache', 'running'],
      ['web', 'running'],
    ]);

    actions.length = 0;
    await compose(v1, docker, actions).up();
    expect(actions).toEqual([]);

    await compose(v1.replace('busybox:1', 'busybox:2'), docker, actions).up();
    const touched = actions.filter((a) => a.method !== 'pullImage').map((a) => a.target);
    expect(touched.every((t) => t.includes('web'))).toBe(true);
    expect(touched.length).toBeGreaterThan(0);
  });

  it('fails every call when the daemon is unavailable', async () => {
    const docker = new FakeDockerClient({ available: false });
    await expect(docker.ping()).rejects.toBeInstanceOf(DockerUnavailableError);
  });

  it('fails pulls of unpullable images', async () => {
    const docker = new FakeDockerClient({ unpullable: ['nope:1'] });
    await expect(docker.pullImage('nope:1')).rejects.toMatchObject({ code: 'IMAGE_PULL' });
  });
});

describe('FakeDockerClient.killContainer', () => {
  it('ends the container on SIGKILL (the default) or SIGTERM, and keeps it running on a reload signal', async () => {
    const docker = new FakeDockerClient({ images: [{ id: 'sha256:1', repoTags: ['img:latest'] }] });
    const id = await docker.createContainer(bareContainerSpec({ name: 'p_web_1', image: 'img' }));
    await docker.startContainer(id);
    await docker.killContainer(id, 'SIGUSR2');
    await docker.killContainer(id, 'HUP');
    expect((await docker.inspectContainer(id))?.state).toBe('running');
    await docker.killContainer(id, 'SIGTERM');
    expect((await docker.inspectContainer(id))?.state).toBe('exited');
    await docker.startContainer(id);
    await docker.killContainer(id);
    expect((await docker.inspectContainer(id))?.state).toBe('exited');
  });
});

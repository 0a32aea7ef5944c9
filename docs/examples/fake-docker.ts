import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Compose } from 'rxcharm/compose';
import { FakeDockerClient, formatDockerAction, recordingDockerClient, type DockerAction } from 'rxcharm/testing';

/** Converges a compose file against the in-memory daemon and returns the Docker calls, in order. */
export async function main(): Promise<string[]> {
  const workspace = mkdtempSync(join(tmpdir(), 'fake-docker-example-'));
  try {
    writeFileSync(join(workspace, 'docker-compose.yml'), 'services:\n  web:\n    image: busybox:1.36\n    init: true\n');
    const daemon = new FakeDockerClient();
    const actions: DockerAction[] = [];
    const docker = recordingDockerClient(daemon, (a) => actions.push(a), (id) => daemon.nameOf(id));
    await new Compose(workspace, { project: 'demo', docker }).up();
    await new Compose(workspace, { project: 'demo', docker }).up(); // nothing changed: no calls
    return actions.map(formatDockerAction);
    // → pullImage busybox:1.36, createNetwork demo_default, createContainer demo_web_1, startContainer demo_web_1
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

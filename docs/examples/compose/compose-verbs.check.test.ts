/** Runs the compose sample of docs/compose.md against the in-memory Docker daemon. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeDockerClient, formatDockerAction, recordingDockerClient, type DockerAction } from 'rxcharm/testing';
import { main } from './compose-verbs';

it('plans, converges and tears the project down', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rxcharm-docs-compose-'));
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    writeFileSync(join(dir, 'docker-compose.yml'), 'services:\n  web:\n    image: busybox:1.36\n    init: true\n');
    const daemon = new FakeDockerClient();
    const actions: DockerAction[] = [];
    const done = await main(dir, recordingDockerClient(daemon, (a) => actions.push(a), (id) => daemon.nameOf(id)));
    const planned = log.mock.calls[0]?.[0] as { kind: string; service?: string; reason: string }[];
    expect(planned.filter((a) => a.service === 'web')).toEqual([expect.objectContaining({ kind: 'create', service: 'web', reason: 'no existing container' })]);
    expect(done.map((a) => a.kind)).toEqual(planned.map((a) => a.kind));
    expect(actions.map(formatDockerAction)).toEqual(expect.arrayContaining(['createContainer app_web_1', 'startContainer app_web_1']));
    expect(actions.map((a) => a.method)).toContain('removeContainer');
    expect(await daemon.listContainers(['com.docker.compose.project=app'])).toEqual([]);
  } finally {
    log.mockRestore();
    rmSync(dir, { recursive: true, force: true });
  }
});

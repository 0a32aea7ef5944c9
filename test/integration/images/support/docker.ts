/**
 * Docker helpers for the image tests: every container and network carries `rxcharm.test=images`
 * and a per-run label, so cleanup removes exactly what this run created, even after a failure.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import Docker from 'dockerode';

const exec = promisify(execFile);

export const docker = new Docker();

export interface RunContext {
  /** Unique prefix for names in this run. */
  prefix: string;
  labels: Record<string, string>;
}

export function newRun(): RunContext {
  const id = randomBytes(4).toString('hex');
  return { prefix: `rxt-images-${id}`, labels: { 'rxcharm.test': 'images', 'rxcharm.test.run': id } };
}

export interface RunOptions {
  name: string;
  image: string;
  env?: Record<string, string>;
  network?: string;
  aliases?: string[];
  /** Container ports to publish on a random 127.0.0.1 port. */
  publish?: number[];
  entrypoint?: string[];
  cmd?: string[];
}

/** Creates and starts a container; returns it. */
export async function runContainer(run: RunContext, opts: RunOptions): Promise<Docker.Container> {
  const exposed: Record<string, object> = {};
  const bindings: Record<string, Array<{ HostIp: string; HostPort: string }>> = {};
  for (const p of opts.publish ?? []) {
    exposed[`${p}/tcp`] = {};
    bindings[`${p}/tcp`] = [{ HostIp: '127.0.0.1', HostPort: '' }];
  }
  const container = await docker.createContainer({
    name: `${run.prefix}-${opts.name}`,
    Image: opts.image,
    Labels: run.labels,
    Env: Object.entries(opts.env ?? {}).map(([k, v]) => `${k}=${v}`),
    ExposedPorts: exposed,
    ...(opts.entrypoint ? { Entrypoint: opts.entrypoint } : {}),
    ...(opts.cmd ? { Cmd: opts.cmd } : {}),
    HostConfig: { PortBindings: bindings, ...(opts.network ? { NetworkMode: opts.network } : {}) },
    ...(opts.network
      ? { NetworkingConfig: { EndpointsConfig: { [opts.network]: { Aliases: opts.aliases ?? [] } } } }
      : {}),
  });
  await container.start();
  return container;
}

/** The 127.0.0.1 host port published for `containerPort`. */
export async function hostPort(container: Docker.Container, containerPort: number): Promise<number> {
  const info = await container.inspect();
  const binding = info.NetworkSettings.Ports[`${containerPort}/tcp`]?.[0];
  if (!binding) throw new Error(`${info.Name}: port ${containerPort} is not published`);
  return Number(binding.HostPort);
}

export async function createNetwork(run: RunContext, name: string): Promise<string> {
  const full = `${run.prefix}-${name}`;
  await docker.createNetwork({ Name: full, Labels: run.labels, CheckDuplicate: true });
  return full;
}

/** Container stdout+stderr, for failure messages. */
export async function logsOf(container: Docker.Container): Promise<string> {
  const buf = (await container.logs({ stdout: true, stderr: true, follow: false })) as unknown as Buffer;
  // Strip the 8-byte multiplexing headers of non-TTY logs.
  const lines: string[] = [];
  let i = 0;
  while (i + 8 <= buf.length) {
    const size = buf.readUInt32BE(i + 4);
    lines.push(buf.toString('utf8', i + 8, i + 8 + size));
    i += 8 + size;
  }
  return lines.join('');
}

/** `docker stop` with the usual 10 s grace; returns the exit code (137 means it had to be killed). */
export async function stopAndExitCode(container: Docker.Container): Promise<number> {
  await container.stop({ t: 10 });
  const info = await container.inspect();
  return info.State.ExitCode;
}

/** Removes every container (with its anonymous volumes) and network of this run. */
export async function cleanup(run: RunContext): Promise<void> {
  const filters = { label: [`rxcharm.test.run=${run.labels['rxcharm.test.run']}`] };
  const containers = await docker.listContainers({ all: true, filters });
  await Promise.all(
    containers.map((c) =>
      docker
        .getContainer(c.Id)
        .remove({ force: true, v: true })
        .catch(() => undefined),
    ),
  );
  const networks = await docker.listNetworks({ filters });
  await Promise.all(
    networks.map((n) =>
      docker
        .getNetwork(n.Id)
        .remove()
        .catch(() => undefined),
    ),
  );
}

/** Runs scripts/images/build-images.sh with `args`; returns its stderr (the progress log). */
export async function buildImages(repoDir: string, args: string[] = []): Promise<string> {
  const { stderr } = await exec('bash', [`${repoDir}/scripts/images/build-images.sh`, ...args], {
    cwd: repoDir,
    maxBuffer: 16 * 1024 * 1024,
    timeout: 15 * 60 * 1000,
  });
  return stderr;
}

export async function imageInfo(name: string): Promise<{ id: string; sha: string | undefined }> {
  const info = await docker.getImage(`${name}:latest`).inspect();
  return { id: info.Id, sha: info.Config.Labels?.['rxcharm.image-source-sha'] };
}

/** Polls `probe` until it returns a value, failing with the last error after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T>, timeoutMs = 60_000, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw last instanceof Error ? last : new Error(String(last));
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

import type { ContainerCreateSpec } from '../../charm/docker-types';

/** Engine API JSON body of `POST /containers/create` for a spec (pure; internal to the dockerode client). */
export function containerCreateBody(spec: ContainerCreateSpec): Record<string, unknown> {
  const exposed: Record<string, object> = {};
  for (const port of spec.exposedPorts) exposed[port] = {};
  for (const port of Object.keys(spec.portBindings)) exposed[port] = {};
  const binds = spec.mounts
    .filter((m) => m.type === 'bind')
    .map((m) => `${m.source}:${m.target}:${m.readOnly ? 'ro' : 'rw'}`);
  const mounts = spec.mounts
    .filter((m) => m.type !== 'bind')
    .map((m) => ({
      Type: m.type,
      ...(m.source === undefined ? {} : { Source: m.source }),
      Target: m.target,
      ReadOnly: m.readOnly,
    }));
  const portBindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const [port, list] of Object.entries(spec.portBindings))
    portBindings[port] = list.map((b) => ({ HostIp: b.hostIp, HostPort: b.hostPort }));
  const hc = spec.healthcheck;
  const body: Record<string, unknown> = {
    Image: spec.image,
    Env: [...spec.env],
    Labels: { ...spec.labels },
    ExposedPorts: exposed,
    HostConfig: {
      PortBindings: portBindings,
      Binds: binds,
      Mounts: mounts,
      NetworkMode: spec.networkMode,
      Links: [...spec.links],
      RestartPolicy: spec.restartPolicy && {
        Name: spec.restartPolicy.name,
        MaximumRetryCount: spec.restartPolicy.maximumRetryCount,
      },
      Init: spec.init,
    },
  };
  if (spec.cmd !== undefined) body.Cmd = [...spec.cmd];
  if (spec.entrypoint !== undefined) body.Entrypoint = [...spec.entrypoint];
  if (spec.stopTimeoutSeconds !== undefined) body.StopTimeout = spec.stopTimeoutSeconds;
  if (spec.stopSignal !== undefined) body.StopSignal = spec.stopSignal;
  if (spec.workingDir !== undefined) body.WorkingDir = spec.workingDir;
  if (spec.user !== undefined) body.User = spec.user;
  if (spec.hostname !== undefined) body.Hostname = spec.hostname;
  if (hc) {
    body.Healthcheck = {
      Test: [...hc.test],
      Interval: hc.intervalNs ?? 0,
      Timeout: hc.timeoutNs ?? 0,
      StartPeriod: hc.startPeriodNs ?? 0,
      Retries: hc.retries ?? 0,
    };
  }
  if (spec.networkMode !== undefined && spec.networkAliases !== undefined) {
    body.NetworkingConfig = { EndpointsConfig: { [spec.networkMode]: { Aliases: [...spec.networkAliases] } } };
  }
  return body;
}

/** Splits a multiplexed (non-TTY) Docker stream into text; passes raw TTY output through. */
export function demuxDockerStream(buffer: Buffer): string {
  const chunks: Buffer[] = [];
  let offset = 0;
  while (offset + 8 <= buffer.length) {
    const kind = buffer[offset];
    if (kind > 2 || buffer[offset + 1] !== 0 || buffer[offset + 2] !== 0 || buffer[offset + 3] !== 0) {
      return buffer.toString('utf8'); // not multiplexed (TTY container)
    }
    const size = buffer.readUInt32BE(offset + 4);
    chunks.push(buffer.subarray(offset + 8, offset + 8 + size));
    offset += 8 + size;
  }
  if (offset < buffer.length && chunks.length === 0) return buffer.toString('utf8');
  return Buffer.concat(chunks).toString('utf8');
}

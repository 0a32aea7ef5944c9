import type {
  ContainerCreateSpec,
  ContainerOptionsSpec,
  EndpointAddressSpec,
  NetworkCreateSpec,
  VolumeCreateSpec,
} from '../../charm/docker-types';

/** `HostConfig` members of the optional container options, only those set (so bodies stay minimal). */
function hostOptions(spec: ContainerOptionsSpec): Record<string, unknown> {
  const host: Record<string, unknown> = {
    CapAdd: spec.capAdd && [...spec.capAdd],
    CapDrop: spec.capDrop && [...spec.capDrop],
    Runtime: spec.runtime,
    Sysctls: spec.sysctls && { ...spec.sysctls },
    ExtraHosts: spec.extraHosts && [...spec.extraHosts],
    Dns: spec.dns && [...spec.dns],
    DnsSearch: spec.dnsSearch && [...spec.dnsSearch],
    DnsOptions: spec.dnsOptions && [...spec.dnsOptions],
    Tmpfs: spec.tmpfs && { ...spec.tmpfs },
    Ulimits: spec.ulimits?.map((u) => ({ Name: u.name, Soft: u.soft, Hard: u.hard })),
    LogConfig: spec.logConfig && { Type: spec.logConfig.type, Config: { ...spec.logConfig.config } },
    ShmSize: spec.shmSize,
    Memory: spec.memory,
    MemorySwap: spec.memorySwap,
    MemoryReservation: spec.memoryReservation,
    NanoCpus: spec.nanoCpus,
    CpuShares: spec.cpuShares,
    PidsLimit: spec.pidsLimit,
    Privileged: spec.privileged,
    Devices: spec.devices?.map((d) => ({
      PathOnHost: d.pathOnHost,
      PathInContainer: d.pathInContainer,
      CgroupPermissions: d.cgroupPermissions,
    })),
    SecurityOpt: spec.securityOpt && [...spec.securityOpt],
    PidMode: spec.pidMode,
    IpcMode: spec.ipcMode,
    VolumesFrom: spec.volumesFrom && [...spec.volumesFrom],
    GroupAdd: spec.groupAdd && [...spec.groupAdd],
    ReadonlyRootfs: spec.readonlyRootfs,
  };
  for (const key of Object.keys(host)) if (host[key] === undefined) delete host[key];
  return host;
}

/** `EndpointsConfig` entry of one network: aliases and static addresses. */
export function endpointConfigBody(aliases: readonly string[], address?: EndpointAddressSpec): Record<string, unknown> {
  const body: Record<string, unknown> = { Aliases: [...aliases] };
  if (address?.ipv4Address !== undefined || address?.ipv6Address !== undefined) {
    body.IPAMConfig = {
      ...(address.ipv4Address === undefined ? {} : { IPv4Address: address.ipv4Address }),
      ...(address.ipv6Address === undefined ? {} : { IPv6Address: address.ipv6Address }),
    };
  }
  return body;
}

/** Query parameters of `POST /containers/create` for a spec. */
export function containerCreateQuery(spec: ContainerCreateSpec): Record<string, string> {
  return spec.platform === undefined ? { name: spec.name } : { name: spec.name, platform: spec.platform };
}

/** Engine API JSON body of `POST /networks/create`. */
export function networkCreateBody(spec: NetworkCreateSpec): Record<string, unknown> {
  const body: Record<string, unknown> = {
    Name: spec.name,
    Driver: spec.driver ?? 'bridge',
    Labels: { ...spec.labels },
    CheckDuplicate: true,
  };
  if (spec.driverOpts !== undefined) body.Options = { ...spec.driverOpts };
  if (spec.internal !== undefined) body.Internal = spec.internal;
  if (spec.attachable !== undefined) body.Attachable = spec.attachable;
  if (spec.enableIpv6 !== undefined) body.EnableIPv6 = spec.enableIpv6;
  if (spec.ipam !== undefined) {
    body.IPAM = {
      Driver: spec.ipam.driver ?? 'default',
      Config: spec.ipam.config.map((c) => ({
        ...(c.subnet === undefined ? {} : { Subnet: c.subnet }),
        ...(c.ipRange === undefined ? {} : { IPRange: c.ipRange }),
        ...(c.gateway === undefined ? {} : { Gateway: c.gateway }),
        ...(c.auxAddresses === undefined ? {} : { AuxiliaryAddresses: { ...c.auxAddresses } }),
      })),
      Options: { ...spec.ipam.options },
    };
  }
  return body;
}

/** Engine API JSON body of `POST /volumes/create`. */
export function volumeCreateBody(spec: VolumeCreateSpec): Record<string, unknown> {
  return {
    Name: spec.name,
    Driver: spec.driver ?? 'local',
    Labels: { ...spec.labels },
    ...(spec.driverOpts === undefined ? {} : { DriverOpts: { ...spec.driverOpts } }),
  };
}

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
      ...hostOptions(spec),
    },
  };
  if (spec.openStdin !== undefined) body.OpenStdin = spec.openStdin;
  if (spec.tty !== undefined) body.Tty = spec.tty;
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
    body.NetworkingConfig = {
      EndpointsConfig: { [spec.networkMode]: endpointConfigBody(spec.networkAliases, spec.networkAddress) },
    };
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

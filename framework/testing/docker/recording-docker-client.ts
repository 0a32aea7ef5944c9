import { DOCKER_WRITE_METHODS, type ContainerCreateSpec, type DockerClient } from '../../docker';
import type { DockerAction } from './docker-action';

const WRITES = new Set<string>(DOCKER_WRITE_METHODS);

function describe(method: string, args: readonly unknown[], nameOf: (id: string) => string): DockerAction {
  const first = args[0];
  switch (method) {
    case 'createContainer': {
      const spec = first as ContainerCreateSpec;
      return {
        method,
        target: spec.name,
        detail: { image: spec.image, env: [...spec.env], ports: Object.keys(spec.portBindings) },
      };
    }
    case 'createNetwork':
    case 'createVolume':
      return { method, target: (first as { name: string }).name };
    case 'connectNetwork':
      return { method, target: nameOf(String(args[1])), detail: { network: String(first) } };
    case 'stopContainer':
    case 'restartContainer':
      return {
        method,
        target: nameOf(String(first)),
        ...(args[1] === undefined ? {} : { detail: { timeoutSeconds: args[1] } }),
      };
    case 'exec':
      return { method, target: nameOf(String(first)), detail: { cmd: args[1] } };
    case 'renameContainer':
      return { method, target: nameOf(String(first)), detail: { name: args[1] } };
    default:
      return { method, target: typeof first === 'string' ? nameOf(first) : JSON.stringify(first) };
  }
}

/**
 * Wraps a {@link DockerClient} so that every state-changing call (`DOCKER_WRITE_METHODS`) is
 * recorded, in order, before it is made. Reads pass through unrecorded. Works over the
 * in-memory daemon and over a real `DockerodeClient` alike.
 *
 * @param nameOf maps container ids to names for readable records (default: identity).
 */
export function recordingDockerClient(
  inner: DockerClient,
  record: (action: DockerAction) => void,
  nameOf: (id: string) => string = (id) => id,
): DockerClient {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof prop !== 'string' || typeof value !== 'function') return value;
      const fn = value as (...args: unknown[]) => unknown;
      if (!WRITES.has(prop)) return fn.bind(target);
      return (...args: unknown[]) => {
        record(describe(prop, args, nameOf));
        return fn.apply(target, args);
      };
    },
  });
}

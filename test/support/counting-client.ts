import { DOCKER_WRITE_METHODS, type DockerClient } from '../../framework/docker';

/** A `DockerClient` wrapper that records every call, so tests can assert "zero writes". */
export interface CountingClient {
  readonly client: DockerClient;
  /** Names of the write methods called, in order. */
  readonly writes: string[];
  /** Names of every method called, in order. */
  readonly calls: string[];
  reset(): void;
}

/** Wraps `inner`, recording calls; writes are the methods in `DOCKER_WRITE_METHODS`. */
export function countingClient(inner: DockerClient): CountingClient {
  const writes: string[] = [];
  const calls: string[] = [];
  const writeSet = new Set<string>(DOCKER_WRITE_METHODS);
  const client = new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      return (...args: unknown[]) => {
        calls.push(prop);
        if (writeSet.has(prop)) writes.push(prop);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return {
    client,
    writes,
    calls,
    reset: () => {
      writes.length = 0;
      calls.length = 0;
    },
  };
}

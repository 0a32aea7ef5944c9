import type { ContainerCreateSpec } from '../../docker';

/** A container of the simulated daemon. */
export interface FakeContainer {
  readonly id: string;
  readonly name: string;
  readonly image: string;
  readonly imageId: string;
  readonly state: 'created' | 'running' | 'exited';
  readonly labels: Readonly<Record<string, string>>;
  /** Networks the container is attached to. */
  readonly networks: readonly string[];
  /** What it was created with. */
  readonly spec: ContainerCreateSpec;
  readonly created: number;
}

/**
 * The contents of the simulated Docker daemon, part of the harness state so that a story's
 * hooks see the containers the previous hooks created. Plain, cloneable data.
 */
export interface FakeDockerState {
  /** `false`: every call fails as if the daemon did not answer. */
  readonly available: boolean;
  readonly containers: readonly FakeContainer[];
  readonly networks: ReadonlyArray<{
    readonly id: string;
    readonly name: string;
    readonly labels: Readonly<Record<string, string>>;
  }>;
  readonly volumes: ReadonlyArray<{ readonly name: string; readonly labels: Readonly<Record<string, string>> }>;
  /** Images present locally; a pull adds one. */
  readonly images: ReadonlyArray<{ readonly id: string; readonly repoTags: readonly string[] }>;
  /** Image references whose pull fails (as when no registry has them). */
  readonly unpullable: readonly string[];
  /** Counter for deterministic ids. */
  readonly serial: number;
}

/** A daemon with nothing in it, answering, where every pull succeeds. */
export function emptyDockerState(): FakeDockerState {
  return { available: true, containers: [], networks: [], volumes: [], images: [], unpullable: [], serial: 0 };
}

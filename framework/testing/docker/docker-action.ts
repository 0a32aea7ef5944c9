/**
 * One state-changing call the charm made on Docker, in order. `target` is the container (by
 * name when known), network, volume or image the call acted on.
 */
export interface DockerAction {
  readonly method: string;
  readonly target: string;
  /** Extra facts: the image of a created container, its environment, a stop timeout... */
  readonly detail?: Readonly<Record<string, unknown>>;
}

/** `createContainer voting-app-0-vote-1`: one line per action, handy in snapshots and messages. */
export function formatDockerAction(a: DockerAction): string {
  return `${a.method} ${a.target}`;
}

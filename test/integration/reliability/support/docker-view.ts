/** Reads what a compose project left in Docker, for the reliability assertions. */
import Docker from 'dockerode';

/** One container of a project, as the tests check it. */
export interface ProjectContainer {
  readonly id: string;
  readonly name: string;
  readonly service: string;
  readonly state: string;
  readonly exitCode: number;
  readonly env: Readonly<Record<string, string>>;
}

const docker = new Docker();

/** Every container (running or not) carrying the project's compose label. */
export async function projectContainers(project: string): Promise<ProjectContainer[]> {
  const list = await docker.listContainers({
    all: true,
    filters: { label: [`com.docker.compose.project=${project}`] },
  });
  const out: ProjectContainer[] = [];
  for (const summary of list) {
    const info = await docker.getContainer(summary.Id).inspect();
    const env: Record<string, string> = {};
    for (const kv of info.Config.Env ?? []) {
      const i = kv.indexOf('=');
      env[kv.slice(0, i)] = kv.slice(i + 1);
    }
    out.push({
      id: summary.Id,
      name: (summary.Names[0] ?? '').replace(/^\//, ''),
      service: info.Config.Labels['com.docker.compose.service'] ?? '?',
      state: info.State.Status,
      exitCode: info.State.ExitCode,
      env,
    });
  }
  return out.sort((a, b) => a.service.localeCompare(b.service) || a.name.localeCompare(b.name));
}

/** Networks carrying the project's compose label. */
export async function projectNetworks(project: string): Promise<string[]> {
  const list = await docker.listNetworks({ filters: { label: [`com.docker.compose.project=${project}`] } });
  return list.map((n) => n.Name).sort();
}

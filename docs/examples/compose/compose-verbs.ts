import { Compose, DockerodeClient, type DockerClient, type PlanAction } from 'rxcharm/compose';

/** Plans, converges and tears down the project in `dir`; `docker` is the local daemon unless given. */
export async function main(dir = '/srv/app', docker: DockerClient = new DockerodeClient()): Promise<PlanAction[]> {
  const compose = new Compose(dir, { project: 'app', docker }); // reads <dir>/docker-compose.yml
  console.log(await compose.plan());   // dry run: [..., { kind: 'create', service: 'web', reason: 'no existing container' }]
  const done = await compose.up();     // converge; returns the plan it carried out
  await compose.down({ volumes: true });
  return done;
}

import type { Command } from 'commander';
import type { ComposeCliOptions } from './compose/compose-actions';

type Actions = typeof import('./compose/compose-actions');

/** Loads the compose engine only when a compose sub-command runs (keeps CLI start-up fast). */
const actions = (): Promise<Actions> => import('./compose/compose-actions');

/**
 * Registers `rxcharm compose -f FILE -p PROJECT up|build|down|ps|plan|config|logs|pull|start|stop|restart|kill|rm|scale`,
 * whole-process commands with docker-compose v1's meaning (`up` is detached and removes orphans;
 * `-d`, `--remove-orphans` and `--no-color` are accepted).
 */
export function registerCompose(program: Command): void {
  const compose = program
    .command('compose')
    .description("Run a compose project with rxcharm's engine (docker-compose v1 compatible labels and names)")
    .option(
      '-f, --file <file>',
      'compose file, repeatable to merge several (default: $COMPOSE_FILE, else docker-compose.yml in the current directory)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('-p, --project-name <name>', 'project name (default: the directory name)')
    .option(
      '-H, --host <host>',
      'Docker host: unix socket or tcp://host:port (default: $DOCKER_HOST or /var/run/docker.sock)',
    )
    .option(
      '--profile <name>',
      'activate a profile (repeatable; default: $COMPOSE_PROFILES)',
      (v: string, prev: string[] = []) => [...prev, v],
    );
  const opts = (): ComposeCliOptions => compose.opts<ComposeCliOptions>();

  compose
    .command('up [service]')
    .description('create and start containers, detached; only what changed')
    .option('--build', 'build images before starting containers')
    // docker-compose users type these; they describe what up always does, so they are accepted.
    .option('-d, --detach', 'accepted for docker-compose habits: up is always detached')
    .option('--remove-orphans', 'accepted for docker-compose habits: up always removes orphans')
    .option('--no-color', 'accepted for docker-compose habits: output has no colours')
    .addHelpText(
      'after',
      '\nup is always detached (it returns once the containers run) and always removes orphans\n' +
        '(containers of services no longer in the file), so -d and --remove-orphans change nothing.',
    )
    .action(async (service: string | undefined, o: { build?: boolean }) =>
      (await actions()).composeUp(opts(), service, o.build === true),
    );
  compose
    .command('build [service]')
    .description('build the images of services with a build section')
    .action(async (service?: string) => (await actions()).composeBuild(opts(), service));
  compose
    .command('down')
    .description('stop and remove containers and networks')
    .option('-v, --volumes', 'also remove named volumes')
    .action(async (o: { volumes?: boolean }) => (await actions()).composeDown(opts(), o.volumes === true));
  compose
    .command('plan [service]')
    .description('show what up would do, with reasons (dry run)')
    .option('--json', 'print JSON')
    .action(async (service: string | undefined, o: { json?: boolean }) =>
      (await actions()).composePlan(opts(), service, o.json === true),
    );
  compose
    .command('config')
    .description("print the resolved compose file (interpolated, normalized) in the specification's form")
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => (await actions()).composeConfig(opts(), o.json === true));
  compose
    .command('ps')
    .description('list containers')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => (await actions()).composePs(opts(), o.json === true));
  compose
    .command('logs [service]')
    .description('show container output')
    .option('--tail <n>', 'lines from the end', (v) => Number(v))
    .action(async (service: string | undefined, o: { tail?: number }) =>
      (await actions()).composeLogs(opts(), service, o.tail),
    );
  for (const verb of ['pull', 'start', 'stop', 'restart', 'kill', 'rm'] as const) {
    compose
      .command(`${verb} [service]`)
      .description(`${verb} service containers`)
      .action(async (service?: string) => (await actions()).composeVerb(opts(), verb, service));
  }
  compose
    .command('scale <spec>')
    .description("set a service's number of containers: SERVICE=N")
    .action(async (spec: string) => (await actions()).composeScale(opts(), spec));
}

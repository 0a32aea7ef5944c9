/**
 * The actions of `rxcharm compose`. Loaded lazily by `../compose.ts` so that other commands do not
 * pay for the compose engine (yaml, dockerode) at start-up.
 */
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import {
  Compose,
  ComposeUsageError,
  createPullReporter,
  formatPlan,
  isRxcharmErrorLike,
  type ComposeContainer,
  type ComposeEvent,
  type PlanAction,
} from './compose-deps';
import { CliError } from '../../cli-error';

/** Options shared by every `rxcharm compose` sub-command. */
export interface ComposeCliOptions {
  readonly file?: string;
  readonly projectName?: string;
  readonly host?: string;
  /** `--profile`, repeatable; `COMPOSE_PROFILES` (comma-separated) when none is given. */
  readonly profile?: readonly string[];
}

function activeProfiles(options: ComposeCliOptions): string[] {
  if (options.profile !== undefined && options.profile.length > 0) return [...options.profile];
  return (process.env.COMPOSE_PROFILES ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

function printEvent(e: ComposeEvent): void {
  if (e.status === 'Running') return; // summarized as "is up-to-date" at the end
  process.stderr.write(`${e.resource}  ${e.status}${e.cause === undefined ? '' : `  (${e.cause})`}\n`);
}

function open(options: ComposeCliOptions, verbose = true): Compose {
  const file = options.file === undefined ? undefined : resolve(options.file);
  const workspace = file === undefined ? process.cwd() : dirname(file);
  return new Compose(workspace, {
    file,
    project: options.projectName ?? process.env.COMPOSE_PROJECT_NAME,
    dockerHost: options.host ?? process.env.DOCKER_HOST,
    env: process.env,
    cacheDir: join(tmpdir(), `rxcharm-compose-cache-${process.getuid?.() ?? 'user'}`),
    onEvent: verbose ? printEvent : undefined,
    onWarning: (m) => process.stderr.write(`WARNING: ${m}\n`),
    profiles: activeProfiles(options),
    // Build output line by line, as the classic builder prints it ("Step 1/3 : FROM ...").
    onBuildProgress: verbose ? (e) => process.stderr.write(`${e.text}\n`) : undefined,
    // A progress bar on a terminal; otherwise one line per non-layer status ("Pulling from ...", "Digest: ...").
    pullReporter: (image) =>
      createPullReporter(image, process.stderr, (e) => {
        if (verbose && e.layer === undefined) process.stderr.write(`Image ${image}  ${e.status}\n`);
      }),
  });
}

/** Runs one sub-command, turning rxcharm errors into CLI errors (usage errors exit 2). */
async function run<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof ComposeUsageError) throw new CliError(error.message, 2, { cause: error });
    if (isRxcharmErrorLike(error)) throw new CliError(error.message, 1, { cause: error });
    throw error;
  }
}

function summary(actions: readonly PlanAction[]): string {
  return actions
    .filter((a) => a.kind === 'leave')
    .map((a) => `${'name' in a ? a.name : ''} is up-to-date`)
    .join('\n');
}

/** `up [service]`: converge, detached (like `docker-compose up -d`). */
export async function composeUp(options: ComposeCliOptions, service?: string, build = false): Promise<void> {
  await run(async () => {
    const actions = await open(options).up(service, { build });
    const upToDate = summary(actions);
    if (upToDate !== '') process.stderr.write(`${upToDate}\n`);
  });
}

/** `build [service]`: build the images of the `build:` services. */
export async function composeBuild(options: ComposeCliOptions, service?: string): Promise<void> {
  await run(() => open(options).build(service));
}

/** `down [-v]`. */
export async function composeDown(options: ComposeCliOptions, volumes: boolean): Promise<void> {
  await run(() => open(options).down({ volumes }));
}

/** `plan [service]`: the dry run, as text or JSON. */
export async function composePlan(
  options: ComposeCliOptions,
  service: string | undefined,
  json: boolean,
): Promise<void> {
  await run(async () => {
    const actions = await open(options, false).plan(service);
    process.stdout.write(
      json
        ? `${JSON.stringify(actions, null, 2)}\n`
        : actions.length === 0
          ? 'nothing to do\n'
          : `${formatPlan(actions)}\n`,
    );
  });
}

function portsText(c: ComposeContainer): string {
  return c.ports
    .map((p) =>
      p.hostPort === undefined
        ? `${p.containerPort}/${p.protocol}`
        : `${p.hostIp ?? '0.0.0.0'}:${p.hostPort}->${p.containerPort}/${p.protocol}`,
    )
    .filter((v, i, all) => all.indexOf(v) === i)
    .join(', ');
}

/** `ps [--json]`. */
export async function composePs(options: ComposeCliOptions, json: boolean): Promise<void> {
  await run(async () => {
    const rows = await open(options, false).ps();
    if (json) {
      process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return;
    }
    const table = [
      ['NAME', 'SERVICE', 'STATE', 'STATUS', 'PORTS'],
      ...rows.map((c) => [c.name, c.service, c.state, c.status, portsText(c)]),
    ];
    const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
    process.stdout.write(
      `${table
        .map((r) =>
          r
            .map((cell, i) => cell.padEnd(widths[i]))
            .join('   ')
            .trimEnd(),
        )
        .join('\n')}\n`,
    );
  });
}

/** `logs [service] [--tail N]`. */
export async function composeLogs(
  options: ComposeCliOptions,
  service: string | undefined,
  tail: number | undefined,
): Promise<void> {
  await run(async () => {
    const text = await open(options, false).logs(service, { tail });
    if (text !== '') process.stdout.write(`${text}\n`);
  });
}

/** `pull|start|stop|restart|kill|rm [service]`. */
export async function composeVerb(
  options: ComposeCliOptions,
  verb: 'pull' | 'start' | 'stop' | 'restart' | 'kill' | 'rm',
  service?: string,
): Promise<void> {
  await run(async () => {
    const c = open(options);
    await c[verb](service);
  });
}

/** `scale SERVICE=N`. */
export async function composeScale(options: ComposeCliOptions, spec: string): Promise<void> {
  const m = /^([^=]+)=(\d+)$/.exec(spec);
  if (!m) throw new CliError(`invalid scale argument: ${spec}\nuse SERVICE=N`, 2);
  await run(async () => {
    await open(options).scale(m[1], Number(m[2]));
  });
}

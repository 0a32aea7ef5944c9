/**
 * The actions of `rxcharm compose`. Loaded lazily by `../compose.ts` so that other commands do not
 * pay for the compose engine (yaml, dockerode) at start-up.
 */
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import {
  Compose,
  ComposeUsageError,
  createPullReporter,
  dockerClientFromEnv,
  formatPlan,
  isRxcharmErrorLike,
  readDotEnv,
  stringifyYaml,
  type ComposeContainer,
  type ComposeEvent,
  type PlanAction,
} from './compose-deps';
import { CliError } from '../../cli-error';

/** Options shared by every `rxcharm compose` sub-command. */
export interface ComposeCliOptions {
  /** `-f` values, in order. */
  readonly file?: readonly string[];
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

/**
 * The compose files: `-f` (repeatable), else `COMPOSE_FILE` from the environment or the current
 * directory's `.env` (paths joined with `:`), else the default names in the current directory.
 */
function composeFiles(options: ComposeCliOptions): string[] | undefined {
  if (options.file !== undefined && options.file.length > 0) return options.file.map((f) => resolve(f));
  const fromEnv = process.env.COMPOSE_FILE ?? readDotEnv(process.cwd(), process.env).COMPOSE_FILE;
  if (fromEnv === undefined || fromEnv === '') return undefined;
  return fromEnv
    .split(delimiter)
    .filter(Boolean)
    .map((f) => resolve(f));
}

function open(options: ComposeCliOptions, verbose = true): Compose {
  const files = composeFiles(options);
  const workspace = files === undefined ? process.cwd() : dirname(files[0]);
  return new Compose(workspace, {
    file: files,
    project: options.projectName ?? process.env.COMPOSE_PROJECT_NAME,
    // DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH as the docker CLI reads them; -H wins.
    docker: dockerClientFromEnv(process.env, { host: options.host }),
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

/** Errors about the input (the compose file, its variables, the arguments): the CLI's exit 2. */
const BAD_INPUT = new Set(['COMPOSE_FILE', 'COMPOSE_UNSUPPORTED_KEY', 'COMPOSE_INTERPOLATION', 'COMPOSE_USAGE']);

/** Runs one sub-command, turning rxcharm errors into CLI errors (bad input exits 2, runtime failures 1). */
async function run<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof ComposeUsageError) throw new CliError(error.message, 2, { cause: error });
    if (isRxcharmErrorLike(error))
      throw new CliError(error.message, BAD_INPUT.has(error.code) ? 2 : 1, { cause: error });
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

/** `config [--json]`: the resolved model, as YAML (or JSON). Reads only the files. */
export async function composeConfig(options: ComposeCliOptions, json: boolean): Promise<void> {
  await run(async () => {
    const doc = open(options, false).config();
    process.stdout.write(json ? `${JSON.stringify(doc, null, 2)}\n` : stringifyYaml(doc));
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

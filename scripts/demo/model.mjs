/**
 * The demo's view of the local model and its containers: rxcharm CLI calls, status checks,
 * compose projects, and the clean-up of a previous demo deployment.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CommandError, run, runShown } from './run.mjs';
import { block } from './console.mjs';

/** Runs the rxcharm CLI (the bundle `npm run build` just made) with the demo's model. */
export function cli(ctx, args, { shown = true } = {}) {
  const command = [
    process.execPath,
    join(ctx.root, 'bin', 'rxcharm'),
    ...args,
    ...(args[0] === 'build' ? [] : ['--model', ctx.modelDir]),
  ];
  return shown
    ? runShown(command, (line) => block(line), { env: ctx.env, cwd: ctx.root })
    : run(command, { env: ctx.env, cwd: ctx.root, check: true });
}

/** `rxcharm deploy <charmsDir>/<charm> <app>`, each `config` entry given as `--config key=value`. */
export function deploy(ctx, charmsDir, app, config) {
  const options = Object.entries(config).flatMap(([key, value]) => ['--config', `${key}=${value}`]);
  return cli(ctx, ['deploy', join(charmsDir, app), app, ...options]);
}

/** `rxcharm status --format json`, parsed. */
export async function statusJson(ctx) {
  const { stdout } = await cli(ctx, ['status', '--format', 'json'], { shown: false });
  return JSON.parse(stdout);
}

/** Fails unless every unit of `apps` is active with agent idle; returns the units' messages. */
export async function expectActive(ctx, apps) {
  const status = await statusJson(ctx);
  const messages = [];
  for (const app of apps) {
    const units = Object.entries(status.applications?.[app]?.units ?? {});
    if (units.length === 0) throw new Error(`status: application ${app} has no units`);
    for (const [name, unit] of units) {
      if (unit.workload !== 'active' || unit.agent !== 'idle') {
        throw new Error(
          `status: ${name} is ${unit.workload}/${unit.agent}: ${unit.message} (see: rxcharm debug-log --unit ${name} --model ${ctx.modelDir})`,
        );
      }
      messages.push(`${name}: ${unit.message}`);
    }
  }
  return messages;
}

/** Compose project of a unit, as the charms name it: `voting-app/0` → `voting-app-0`. */
export function projectOf(unit) {
  return unit.replace(/[^a-zA-Z0-9_-]/g, '-').toLowerCase();
}

/** `{ service: state }` of a compose project's containers. */
export async function projectServices(project) {
  const { stdout } = await run(
    [
      'docker',
      'ps',
      '-a',
      '--filter',
      `label=com.docker.compose.project=${project}`,
      '--format',
      '{{.Label "com.docker.compose.service"}} {{.State}}',
    ],
    { check: true },
  );
  return Object.fromEntries(
    stdout
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => l.trim().split(' ')),
  );
}

/** Fails unless the project runs exactly `services` (all running). */
export async function expectServices(project, services) {
  const actual = await projectServices(project);
  const names = Object.keys(actual).sort();
  const stopped = names.filter((n) => actual[n] !== 'running');
  if (names.join(',') !== [...services].sort().join(',') || stopped.length > 0) {
    throw new Error(
      `containers of ${project}: expected ${[...services].sort().join(', ')} running, found ${names.map((n) => `${n} (${actual[n]})`).join(', ') || 'none'}`,
    );
  }
  return names;
}

/** Removes every container, network and volume of the given compose projects (a previous demo's). */
export async function removeProjects(projects) {
  let removed = 0;
  for (const project of projects) {
    const label = `label=com.docker.compose.project=${project}`;
    const ids = (await run(['docker', 'ps', '-aq', '--filter', label], { check: true })).stdout
      .split('\n')
      .filter(Boolean);
    if (ids.length > 0) await run(['docker', 'rm', '-f', '-v', ...ids], { check: true });
    removed += ids.length;
    const networks = (await run(['docker', 'network', 'ls', '-q', '--filter', label], { check: true })).stdout
      .split('\n')
      .filter(Boolean);
    if (networks.length > 0) await run(['docker', 'network', 'rm', ...networks]);
    const volumes = (await run(['docker', 'volume', 'ls', '-q', '--filter', label], { check: true })).stdout
      .split('\n')
      .filter(Boolean);
    if (volumes.length > 0) await run(['docker', 'volume', 'rm', '-f', ...volumes]);
  }
  return removed;
}

/**
 * Tears down a previous demo model: `destroy-model` (every application's stop/remove hooks run,
 * then the model's unit network goes), falling back to `remove-application` per application, then
 * the model dir. Failures there do not stop the demo; the caller removes the demo's compose
 * projects by label afterwards anyway.
 */
export async function removeOldModel(ctx) {
  if (!existsSync(join(ctx.modelDir, 'model.json'))) {
    rmSync(ctx.modelDir, { recursive: true, force: true });
    return [];
  }
  let apps = [];
  try {
    apps = Object.keys((await statusJson(ctx)).applications ?? {});
  } catch {
    apps = [];
  }
  const destroyed = await cli(ctx, ['destroy-model'], { shown: false }).then(
    () => true,
    () => false,
  );
  if (!destroyed)
    for (const app of apps) await cli(ctx, ['remove-application', app], { shown: false }).catch(() => undefined);
  rmSync(ctx.modelDir, { recursive: true, force: true });
  return apps;
}

/** The rendered compose file of a unit's charm. */
export function readUnitFile(ctx, unit, ...path) {
  return readFileSync(join(ctx.modelDir, 'units', unit.replace('/', '-'), 'charm', ...path), 'utf8');
}

/**
 * `rxcharm build <layer> -o <out> --force`. Exit 100 means "built, with proof warnings": the
 * warnings are shown and the demo goes on; 200 (errors) fails.
 */
export async function buildCharm(ctx, layerDir, outDir) {
  const result = await run(
    [process.execPath, join(ctx.root, 'bin', 'rxcharm'), 'build', layerDir, '-o', outDir, '--force'],
    { env: ctx.env, cwd: ctx.root },
  );
  if (result.code !== 0 && result.code !== 100)
    throw new CommandError(['rxcharm', 'build', layerDir], result.code, result.stdout + result.stderr);
  return { warnings: (result.stdout + result.stderr).split('\n').filter((l) => /^W /.test(l)) };
}

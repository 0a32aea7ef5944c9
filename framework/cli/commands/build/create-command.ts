import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Command } from 'commander';
import { createProject, findPackageRoot, type ProjectVersions } from '../../../build';
import { withBuildErrors } from './shared';

/** Dev dependencies a new project takes from rxcharm's own package.json (the versions it is tested with). */
const PROJECT_DEV_DEPENDENCIES = ['typescript', 'jest', '@types/jest', '@types/node'];

/** The versions a new project depends on: this rxcharm and the tools it is tested with. */
function installedVersions(): ProjectVersions {
  const manifest = JSON.parse(readFileSync(join(findPackageRoot(__dirname), 'package.json'), 'utf8')) as {
    version: string;
    devDependencies?: Record<string, string>;
  };
  const dev = manifest.devDependencies ?? {};
  return {
    rxcharm: `^${manifest.version}`,
    devDependencies: Object.fromEntries(
      PROJECT_DEV_DEPENDENCIES.flatMap((name) => (dev[name] === undefined ? [] : [[name, dev[name]] as const])),
    ),
  };
}

/** `rxcharm create <name> [-o dir]`. */
export function registerCreateCommand(program: Command): void {
  program
    .command('create')
    .description(
      'Create a charm project (package.json, tsconfig.json, jest config, README) with a new layer; in a project, the layer only',
    )
    .argument('<name>', 'layer and charm name: lowercase letters, digits and dashes')
    .option('-o, --output <dir>', 'project directory (the layer goes to <dir>/<name>)', '.')
    .action(async (name: string, opts: { output: string }) => {
      const result = await withBuildErrors(() =>
        createProject(name, { dir: opts.output, versions: installedVersions() }),
      );
      const layer = relative(process.cwd(), result.layerDir) || '.';
      if (result.layerOnly) {
        process.stdout.write(
          `created layer ${name} in ${layer} (this directory is already a charm project: layer only)\n`,
        );
        return;
      }
      process.stdout.write(
        `created layer ${name} in ${layer} and the project files: ${result.projectFiles.join(', ')}\n` +
          'next: npm install, then npm test, npm run typecheck, npm run build\n',
      );
    });
}

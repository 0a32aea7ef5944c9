import type { Command } from 'commander';
import { createLayer } from '../../../build';
import { withBuildErrors } from './shared';

/** `rxcharm create <name> [-o dir]`. */
export function registerCreateCommand(program: Command): void {
  program
    .command('create')
    .description(
      'Create a new layer (layer.yaml including layer:basic, metadata, config, a handler, a test and a README)',
    )
    .argument('<name>', 'layer and charm name: lowercase letters, digits and dashes')
    .option('-o, --output <dir>', 'parent directory of the new layer', '.')
    .action(async (name: string, opts: { output: string }) => {
      const dir = await withBuildErrors(() => createLayer(name, { dir: opts.output }));
      process.stdout.write(`created layer ${name} in ${dir}\n`);
    });
}

import type { Command } from 'commander';
import { packCharm } from '../../../build';
import { withBuildErrors } from './shared';

/** `rxcharm pack <built-charm> [-o file]`. */
export function registerPackCommand(program: Command): void {
  program
    .command('pack')
    .description('Zip a built charm into <name>.charm for juju deploy (manifest.yaml with bases; run bits kept)')
    .argument('<built-charm>', 'a charm directory written by rxcharm build')
    .option('-o, --output <file>', 'the .charm file to write (default ./<name>.charm)')
    .action(async (dir: string, opts: { output?: string }) => {
      const file = await withBuildErrors(() =>
        packCharm(dir, opts.output === undefined ? {} : { output: opts.output }),
      );
      process.stdout.write(`packed ${file}\n`);
    });
}

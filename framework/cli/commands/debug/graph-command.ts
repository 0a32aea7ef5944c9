import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { charmGraph, renderDot, renderMermaid, renderSvg, type FlagGraph } from '../../../testing';
import { CliError } from '../../cli-error';

const FORMATS: Readonly<Record<string, (g: FlagGraph) => string>> = {
  dot: renderDot,
  mermaid: renderMermaid,
  svg: renderSvg,
  json: (g) => `${JSON.stringify(g, null, 2)}\n`,
};

interface GraphOptions {
  format: string;
  output?: string;
}

/** `rxcharm graph <layer-or-charm> [--format dot|mermaid|svg|json] [-o FILE]`. */
export function registerGraph(program: Command): void {
  program
    .command('graph')
    .description(
      'draw the handlers and flags of a layered charm: which flags each handler waits on, which it sets and clears',
    )
    .argument('<layer>', 'layer or charm source directory (its includes are resolved as rxcharm build does)')
    .option('-f, --format <format>', `output format: ${Object.keys(FORMATS).join(', ')}`, 'dot')
    .option('-o, --output <file>', 'write to FILE instead of stdout')
    .action(async (layer: string, options: GraphOptions) => {
      const render = FORMATS[options.format];
      if (render === undefined)
        throw new CliError(`--format invalid: ${options.format} (choose one of ${Object.keys(FORMATS).join(', ')})`, 2);
      const text = render(await charmGraph(layer));
      if (options.output === undefined) process.stdout.write(text);
      else writeFileSync(options.output, text);
    });
}

import type { Command } from 'commander';
import { buildCharm, formatFinding, proofCharm, proofExitCode, type BuildChanges } from '../../../build';
import { cliSearchPath, withBuildErrors } from './shared';

/** `rxcharm build <layer-dir> [-o out] [--force] [--report]`. */
export function registerBuildCommand(program: Command): void {
  program
    .command('build')
    .description(
      'Build a charm from a layer: merge the layer stack, bundle lib/charm.js, write dispatch and hooks, then proof it',
    )
    .argument('<layer-dir>', 'the top layer directory')
    .option('-o, --output <dir>', 'charm directory to write (default ./build/<charm name>)')
    .option('-f, --force', 'overwrite an output directory that was edited by hand', false)
    .option('-r, --report', 'list the files added, changed and removed since the last build', false)
    .addHelpText(
      'after',
      '\nExit codes: 0 built and proofed clean, 100 proof warnings, 200 errors.\nSearch path: the package layers/ and interfaces/, then CHARM_LAYERS_DIR/LAYER_PATH and CHARM_INTERFACES_DIR/INTERFACE_PATH.',
    )
    .action(async (layerDir: string, opts: { output?: string; force: boolean; report: boolean }) => {
      const searchPath = cliSearchPath();
      const result = await withBuildErrors(() =>
        buildCharm({
          layerDir,
          searchPath,
          force: opts.force,
          ...(opts.output === undefined ? {} : { outputDir: opts.output }),
        }),
      );
      const layers = result.stack.layers.map((layer) => layer.name).join(', ');
      process.stdout.write(
        `built ${result.charmName} in ${result.outputDir} (layers: ${layers}; ${Object.keys(result.manifest.files).length} files)\n`,
      );
      if (opts.report) process.stdout.write(formatReport(result.changes));
      const findings = proofCharm(result.outputDir, searchPath);
      for (const finding of findings) process.stdout.write(`${formatFinding(finding)}\n`);
      process.exitCode = proofExitCode(findings);
    });
}

function formatReport(changes: BuildChanges): string {
  if (changes.firstBuild) return 'New build; all files were written.\n';
  const lines = [
    ...changes.added.map((p) => `+ ${p}`),
    ...changes.changed.map((p) => `  ${p}`),
    ...changes.removed.map((p) => `- ${p}`),
  ];
  return lines.length === 0 ? 'No new changes; no files were modified.\n' : `${lines.join('\n')}\n`;
}

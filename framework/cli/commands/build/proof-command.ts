import type { Command } from 'commander';
import { formatFinding, proofCharm, proofExitCode } from '../../../build';
import { cliSearchPath, withBuildErrors } from './shared';

/** `rxcharm proof <charm-or-layer>`. */
export function registerProofCommand(program: Command): void {
  program
    .command('proof')
    .description('Lint a built charm or a layer: metadata and config schema, interfaces, flags, handlers, templates')
    .argument('<charm-or-layer>', 'a built charm directory (with .build.manifest) or a layer directory')
    .addHelpText(
      'after',
      '\nOne line per finding: "E|W|I <file>: <message>". Exit codes: 0 clean or info only, 100 warnings, 200 errors.',
    )
    .action(async (dir: string) => {
      const findings = await withBuildErrors(() => proofCharm(dir, cliSearchPath()));
      for (const finding of findings) process.stdout.write(`${formatFinding(finding)}\n`);
      process.exitCode = proofExitCode(findings);
    });
}

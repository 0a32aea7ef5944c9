import { writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { agentSettingsFromEnv, LocalAgent } from '../../agent';
import { readUnitSnapshot, snapshotTest } from '../../dev';
import { CliError } from '../cli-error';

interface SnapshotOptions {
  readonly model?: string;
  readonly output?: string;
  readonly test?: boolean;
}

/** `rxcharm snapshot <unit> [-o file] [--test]`. */
export function registerSnapshotCommand(program: Command): void {
  program
    .command('snapshot')
    .description(
      "write a unit's state (flags, store, config, leadership, relations, ports, status; secrets as placeholders) as rxcharm/testing input, or with --test a jest test replaying its last hook",
    )
    .argument('<unit>', 'a unit of the local model, such as voting-app/0')
    .option('-m, --model <dir>', 'model state directory (default: $RXCHARM_MODEL or ./.rxcharm/model)')
    .option('-o, --output <file>', 'write to FILE instead of stdout')
    .option('--test', 'write a jest test that runs the unit’s last hook from this state')
    .action((unit: string, options: SnapshotOptions) => {
      const settings = agentSettingsFromEnv(
        process.env,
        options.model === undefined ? {} : { modelDir: options.model },
      );
      const agent = new LocalAgent({ modelDir: settings.modelDir });
      const snap = readUnitSnapshot(agent, unit);
      let text: string;
      if (options.test === true) {
        if (snap.lastHook === undefined)
          throw new CliError(`${unit} has no hook trace yet (it never ran an rxcharm hook): nothing to replay`, 1);
        const charmExpression =
          options.output === undefined
            ? JSON.stringify(snap.source)
            : `join(__dirname, ${JSON.stringify(relative(dirname(resolve(options.output)), snap.source) || '.')})`;
        text = snapshotTest({
          unit,
          hook: snap.lastHook.hook,
          ok: snap.lastHook.ok,
          charmExpression,
          state: snap.state,
          takenAt: new Date().toISOString(),
        });
      } else text = `${JSON.stringify(snap.state, null, 2)}\n`;
      if (options.output === undefined) process.stdout.write(text);
      else writeFileSync(options.output, text);
      if (snap.secrets.length > 0)
        process.stderr.write(
          `replaced ${snap.secrets.length} secret value(s) by placeholders: ${snap.secrets.join(', ')}\n`,
        );
    });
}

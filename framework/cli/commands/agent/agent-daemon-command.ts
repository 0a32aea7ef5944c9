import type { Command } from 'commander';
import { stringify } from 'yaml';
import {
  agentSettingsFromEnv,
  AgentDaemon,
  defaultBuildLayer,
  MODEL_SETTINGS,
  parseJujuDuration,
} from '../../../agent';
import { CliError } from '../../cli-error';
import { agentFor, unitNetworkOption, withModelOption, type ModelOption } from './agent-context';

/** `agent` (the running agent) and `model-config`. */
export function registerAgentDaemonCommands(program: Command): void {
  withModelOption(
    program
      .command('agent')
      .description(
        'run the model’s unit agents in the foreground: update-status timer, hook retries, commands hand it their hooks',
      ),
  ).action(async (options: ModelOption) => {
    const settings = agentSettingsFromEnv(process.env, options.model === undefined ? {} : { modelDir: options.model });
    const base = process.env.RXCHARM_AGENT_RETRY_BASE;
    const daemon = await AgentDaemon.start({
      modelDir: settings.modelDir,
      address: settings.address,
      basePath: settings.basePath,
      toolSocket: settings.toolSocket,
      ...unitNetworkOption(settings.unitNetworkEnabled),
      buildLayer: defaultBuildLayer(process.env),
      ...(base === undefined || base === '' ? {} : { retryBaseMs: parseJujuDuration(base) }),
      log: (line) => process.stdout.write(`${line}\n`),
    });
    let signals = 0;
    const onSignal = (signal: NodeJS.Signals) => {
      signals += 1;
      if (signals > 1) {
        // Second signal: leave now. Running hooks count as not run: they stay queued in the model.
        process.stdout.write(`${signal} again: exiting without waiting for running hooks\n`);
        process.exit(signal === 'SIGINT' ? 130 : 143);
      }
      void daemon.stop();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
      await daemon.done;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  });

  withModelOption(
    program
      .command('model-config')
      .description('show model settings (with defaults), show one, or set them (key=value) as juju model-config does')
      .argument('[settings...]', 'a key to show, or key=value pairs to set')
      .option('--reset <keys>', 'comma-separated keys to return to their defaults')
      .option('--format <format>', 'tabular, yaml or json when showing', 'tabular'),
  ).action(async (settings: string[], options: ModelOption & { reset?: string; format: string }) => {
    const reset = (options.reset ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter((k) => k !== '');
    const assignments = settings.filter((s) => s.includes('='));
    if (assignments.length > 0 || reset.length > 0) {
      if (assignments.length !== settings.length)
        throw new CliError(`cannot show and set at once: ${settings.filter((s) => !s.includes('=')).join(', ')}`, 2);
      const changed = await agentFor(options).setModelConfig(assignments, reset);
      process.stdout.write(changed.length ? `changed ${changed.join(', ')}\n` : 'no change\n');
      return;
    }
    const view = agentFor(options, false).modelConfig();
    if (settings.length > 1) throw new CliError('show one key at a time, or set key=value pairs', 2);
    if (settings.length === 1) {
      const entry = view.find((s) => s.key === settings[0]);
      if (entry === undefined)
        throw new CliError(
          `unknown model setting ${JSON.stringify(settings[0])} (known: ${view.map((s) => s.key).join(', ')})`,
          1,
        );
      process.stdout.write(`${String(entry.value)}\n`);
      return;
    }
    const values = Object.fromEntries(
      view.map((s) => [s.key, { default: MODEL_SETTINGS[s.key]!.default, value: s.value, source: s.from }]),
    );
    if (options.format === 'json') process.stdout.write(`${JSON.stringify(values, null, 2)}\n`);
    else if (options.format === 'yaml') process.stdout.write(stringify(values));
    else if (options.format === 'tabular')
      process.stdout.write(table(view.map((s) => [s.key, s.from, String(s.value)])));
    else throw new CliError(`unknown format ${JSON.stringify(options.format)} (expected tabular, yaml or json)`, 2);
  });
}

function table(rows: ReadonlyArray<readonly string[]>): string {
  const all = [['Attribute', 'From', 'Value'], ...rows];
  const widths = [0, 1].map((i) => Math.max(...all.map((r) => r[i]!.length)));
  return (
    all.map((r) => `${r[0]!.padEnd(widths[0]! + 2)}${r[1]!.padEnd(widths[1]! + 2)}${r[2]}`.trimEnd()).join('\n') + '\n'
  );
}

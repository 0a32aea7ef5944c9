import type { Command } from 'commander';
import {
  agentSettingsFromEnv,
  defaultBuildLayer,
  describeHookEvent,
  IprouteHostInterfaces,
  LocalAgent,
  UnitNetwork,
} from '../../../agent';
import { dockerClientFromEnv } from '../../../docker/client/docker-client-from-env';
import { CliError } from '../../cli-error';

/** Options every agent command accepts. */
export interface ModelOption {
  readonly model?: string;
}

/** Adds `--model DIR` to a command. */
export function withModelOption(command: Command): Command {
  return command.option('-m, --model <dir>', 'model state directory (default: $RXCHARM_MODEL or ./.rxcharm/model)');
}

/** Creates the agent for a command: settings from the environment, progress lines on stdout. */
export function agentFor(options: ModelOption, progress = true): LocalAgent {
  const settings = agentSettingsFromEnv(process.env, options.model === undefined ? {} : { modelDir: options.model });
  const { unitNetworkEnabled, ...rest } = settings;
  return new LocalAgent({
    ...rest,
    ...(unitNetworkEnabled
      ? { unitNetwork: new UnitNetwork(dockerClientFromEnv(process.env), new IprouteHostInterfaces()) }
      : {}),
    buildLayer: defaultBuildLayer(process.env),
    ...(progress ? { onHook: (event) => process.stdout.write(`${describeHookEvent(event)}\n`) } : {}),
  });
}

/** Parses a positive integer option (`-n`, `--lines`), or fails with a usage error. */
export function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number.parseInt(value, 10) < 1)
    throw new CliError(`${name} must be a positive integer, got ${JSON.stringify(value)}`, 2);
  return Number.parseInt(value, 10);
}

/** Parses a duration such as `90`, `90s`, `5m`, `500ms` into milliseconds. */
export function durationMs(value: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(value.trim());
  if (match === null) throw new CliError(`invalid duration ${JSON.stringify(value)} (examples: 90s, 5m, 500ms)`, 2);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(match[2] ?? 's') as 'ms' | 's' | 'm' | 'h'];
  return Math.round(Number.parseFloat(match[1]!) * unit);
}

/** After a change: tells the operator about units left in error (the change itself succeeded). */
export function reportErrors(agent: LocalAgent): void {
  for (const { unit, message } of agent.report().errors) {
    process.stderr.write(
      `WARNING ${unit} is in error: ${message}; see \`rxcharm debug-log --unit ${unit}\`, then \`rxcharm resolve ${unit}\`\n`,
    );
  }
}

import type { Command } from 'commander';
import {
  agentSettingsFromEnv,
  defaultBuildLayer,
  describeHookEvent,
  ForwardingAgent,
  IprouteHostInterfaces,
  type LocalAgent,
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

/**
 * Registers a command that changes the model: it takes `--model`, runs `change` with the model's
 * agent, the command's declared arguments (in order) and its options, prints the lines `change`
 * returns, then warns about units left in error.
 */
export function modelChangeCommand<A extends readonly unknown[], O extends ModelOption = ModelOption>(
  command: Command,
  change: (agent: LocalAgent, args: A, options: O) => Promise<string | readonly string[]>,
): void {
  withModelOption(command).action(async (...params: unknown[]) => {
    // Commander calls an action with the declared arguments, then the options, then the command.
    const options = params[params.length - 2] as O;
    const agent = agentFor(options);
    const lines = await change(agent, params.slice(0, -2) as unknown as A, options);
    for (const line of typeof lines === 'string' ? [lines] : lines) process.stdout.write(`${line}\n`);
    reportErrors(agent);
  });
}

/**
 * Creates the agent for a command: settings from the environment, a line per hook that runs on
 * `progress` (none when false). While `rxcharm agent` runs for the model, the command hands its
 * operation to it.
 */
export function agentFor(options: ModelOption, progress: NodeJS.WritableStream | false = process.stdout): LocalAgent {
  const settings = agentSettingsFromEnv(process.env, options.model === undefined ? {} : { modelDir: options.model });
  const { unitNetworkEnabled, ...rest } = settings;
  return ForwardingAgent.for({
    ...rest,
    ...unitNetworkOption(unitNetworkEnabled),
    buildLayer: defaultBuildLayer(process.env),
    ...(progress ? { onHook: (event) => progress.write(`${describeHookEvent(event)}\n`) } : {}),
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

/** The unit network the CLI gives an agent: on this host's bridge, unless settings turn it off. */
export function unitNetworkOption(enabled: boolean): { unitNetwork?: UnitNetwork } {
  return enabled ? { unitNetwork: new UnitNetwork(dockerClientFromEnv(process.env), new IprouteHostInterfaces()) } : {};
}

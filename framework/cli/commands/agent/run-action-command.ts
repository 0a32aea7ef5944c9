import type { Command } from 'commander';
import { stringify } from 'yaml';
import { CliError } from '../../cli-error';
import { agentFor, withModelOption, type ModelOption } from './agent-context';

/** `run-action <unit> <action> [k=v ...]`. */
export function registerRunActionCommand(program: Command): void {
  withModelOption(
    program
      .command('run-action')
      .alias('run')
      .description('run a charm action on a unit and print its results')
      .argument('<unit>')
      .argument('<action>')
      .argument('[params...]', 'key=value params (values read as YAML)')
      .option('--format <format>', 'yaml or json', 'yaml'),
  ).action(async (unit: string, action: string, params: string[], options: ModelOption & { format: string }) => {
    // stdout is the results alone, YAML or JSON a script parses; the hooks the command drains
    // before and after the action (a running agent's update-status, say) are told on stderr.
    const agent = agentFor(options, process.stderr);
    const result = await agent.runAction(unit, action, params);
    const { stdout, stderr, 'return-code': code, ...values } = result.results;
    const shown = { ...values, ...(stdout ? { stdout } : {}), ...(stderr ? { stderr } : {}), 'return-code': code };
    if (options.format === 'json')
      process.stdout.write(
        `${JSON.stringify({ status: result.status, message: result.message, results: shown }, null, 2)}\n`,
      );
    else process.stdout.write(stringify(shown));
    if (result.status === 'failed') throw new CliError(`action ${action} failed on ${unit}: ${result.message}`, 1);
  });
}

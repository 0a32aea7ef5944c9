import type { Command } from 'commander';
import { stringify } from 'yaml';
import { formatStatusTable } from '../../../agent';
import { CliError } from '../../cli-error';
import { agentFor, durationMs, reportErrors, withModelOption, type ModelOption } from './agent-context';

/** `status`, `resolve`, `update-status`, `wait`. */
export function registerStatusCommands(program: Command): void {
  withModelOption(
    program
      .command('status')
      .description('show applications, units (workload status, ports) and relations')
      .option('--format <format>', 'tabular, json or yaml', 'tabular'),
  ).action((options: ModelOption & { format: string }) => {
    const view = agentFor(options, false).status();
    if (options.format === 'json') process.stdout.write(`${JSON.stringify(view, null, 2)}\n`);
    else if (options.format === 'yaml') process.stdout.write(stringify(view));
    else if (options.format === 'tabular') process.stdout.write(formatStatusTable(view));
    else throw new CliError(`unknown format ${JSON.stringify(options.format)} (expected tabular, json or yaml)`, 2);
  });

  withModelOption(
    program
      .command('resolve')
      .alias('resolved')
      .description('clear a unit error; re-runs the failed hook unless --no-retry')
      .argument('<unit>')
      .option('--no-retry', 'mark the failed hook done without running it again'),
  ).action(async (unit: string, options: ModelOption & { retry: boolean }) => {
    const agent = agentFor(options);
    await agent.resolve(unit, options.retry);
    reportErrors(agent);
  });

  withModelOption(
    program
      .command('update-status')
      .description('run the update-status hook now (`rxcharm agent` also runs it every update-status-hook-interval)')
      .argument('[target]', 'application or unit (default: every unit)'),
  ).action(async (target: string | undefined, options: ModelOption) => {
    const agent = agentFor(options);
    await agent.updateStatus(target);
    reportErrors(agent);
  });

  withModelOption(
    program
      .command('wait')
      .description('run queued hooks until every queue is empty; fails if a unit is in error')
      .option('--timeout <duration>', 'give up after this long (e.g. 90s, 5m)'),
  ).action(async (options: ModelOption & { timeout?: string }) => {
    const timeout = options.timeout === undefined ? undefined : durationMs(options.timeout);
    const agent = agentFor(options);
    const report = await agent.wait(timeout);
    if (report.errors.length > 0) {
      reportErrors(agent);
      throw new CliError(`${report.errors.length} unit(s) in error: ${report.errors.map((e) => e.unit).join(', ')}`, 1);
    }
    if (report.pending > 0) throw new CliError(`timed out with ${report.pending} hook(s) still queued`, 1);
    process.stdout.write('all queues empty\n');
  });
}

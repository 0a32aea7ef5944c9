import type { Command } from 'commander';
import { stringify } from 'yaml';
import { CliError } from '../../cli-error';
import { agentFor, reportErrors, withModelOption, type ModelOption } from './agent-context';

/** `config <app> [k=v ...] [--reset k,...] [--format yaml|json]`. */
export function registerConfigCommand(program: Command): void {
  withModelOption(
    program
      .command('config')
      .description('show or set application config (values are checked against config.yaml)')
      .argument('<application>')
      .argument('[assignments...]', 'key=value pairs')
      .option('--reset <keys>', 'comma-separated keys to return to their defaults')
      .option('--format <format>', 'output format when showing: yaml or json', 'yaml'),
  ).action(
    async (application: string, assignments: string[], options: ModelOption & { reset?: string; format: string }) => {
      const reset =
        options.reset === undefined
          ? []
          : options.reset
              .split(',')
              .map((k) => k.trim())
              .filter((k) => k !== '');
      if (assignments.length === 0 && reset.length === 0) {
        const agent = agentFor(options, false);
        const values = agent.getConfig(application);
        if (options.format === 'json') process.stdout.write(`${JSON.stringify(values, null, 2)}\n`);
        else if (options.format === 'yaml')
          process.stdout.write(Object.keys(values).length ? stringify(values) : '{}\n');
        else throw new CliError(`unknown format ${JSON.stringify(options.format)} (expected yaml or json)`, 2);
        return;
      }
      const agent = agentFor(options);
      const changed = await agent.config(application, assignments, reset);
      process.stdout.write(changed.length ? `changed ${changed.join(', ')}\n` : 'no change\n');
      reportErrors(agent);
    },
  );
}

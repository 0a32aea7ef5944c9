import type { Command } from 'commander';
import { agentFor, reportErrors, withModelOption, type ModelOption } from './agent-context';

/** `relate` and `unrelate`. */
export function registerRelationCommands(program: Command): void {
  withModelOption(
    program
      .command('relate')
      .description('relate two applications; endpoints are inferred from interfaces when unambiguous')
      .argument('<a>', 'application[:endpoint]')
      .argument('<b>', 'application[:endpoint]'),
  ).action(async (a: string, b: string, options: ModelOption) => {
    const agent = agentFor(options);
    const relation = await agent.relate(a, b);
    process.stdout.write(
      `related ${relation.endpoints.map((e) => `${e.app}:${e.endpoint}`).join(' ')} (id ${relation.id})\n`,
    );
    reportErrors(agent);
  });

  withModelOption(
    program
      .command('unrelate')
      .alias('remove-relation')
      .description('remove a relation (departed per unit, then broken)')
      .argument('<a>', 'application[:endpoint]')
      .argument('<b>', 'application[:endpoint]'),
  ).action(async (a: string, b: string, options: ModelOption) => {
    const agent = agentFor(options);
    const relation = await agent.unrelate(a, b);
    process.stdout.write(`unrelated ${relation.endpoints.map((e) => `${e.app}:${e.endpoint}`).join(' ')}\n`);
    reportErrors(agent);
  });
}

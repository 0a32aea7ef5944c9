import type { Command } from 'commander';
import { agentFor, reportErrors, withModelOption, type ModelOption } from './agent-context';

/** `refresh <application> [--path <charm-or-layer>]`. */
export function registerRefreshCommand(program: Command): void {
  withModelOption(
    program
      .command('refresh')
      .description('upgrade an application to a new build of its charm (upgrade-charm, then config-changed)')
      .argument('<application>')
      .option(
        '-p, --path <dir>',
        'built charm or layer to refresh to (default: the layer or charm it was deployed from)',
      ),
  ).action(async (application: string, options: ModelOption & { path?: string }) => {
    const agent = agentFor(options);
    const result = await agent.refresh(application, options.path === undefined ? {} : { path: options.path });
    process.stdout.write(`refreshed ${application} (${result.units.join(', ') || 'no units'})\n`);
    if (result.addedConfig.length > 0) process.stdout.write(`new config options: ${result.addedConfig.join(', ')}\n`);
    if (result.droppedConfig.length > 0)
      process.stdout.write(`config values dropped (option gone or retyped): ${result.droppedConfig.join(', ')}\n`);
    reportErrors(agent);
  });
}

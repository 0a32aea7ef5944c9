import type { Command } from 'commander';
import { modelChangeCommand, type ModelOption } from './agent-context';

/** `refresh <application> [--path <charm-or-layer>]`. */
export function registerRefreshCommand(program: Command): void {
  modelChangeCommand(
    program
      .command('refresh')
      .description('upgrade an application to a new build of its charm (upgrade-charm, then config-changed)')
      .argument('<application>')
      .option(
        '-p, --path <dir>',
        'built charm or layer to refresh to (default: the layer or charm it was deployed from)',
      ),
    async (agent, [application]: [string], options: ModelOption & { path?: string }) => {
      const result = await agent.refresh(application, options.path === undefined ? {} : { path: options.path });
      return [
        `refreshed ${application} (${result.units.join(', ') || 'no units'})`,
        ...(result.addedConfig.length > 0 ? [`new config options: ${result.addedConfig.join(', ')}`] : []),
        ...(result.droppedConfig.length > 0
          ? [`config values dropped (option gone or retyped): ${result.droppedConfig.join(', ')}`]
          : []),
      ];
    },
  );
}

import type { Command } from 'commander';
import { agentFor, positiveInt, reportErrors, withModelOption, type ModelOption } from './agent-context';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** `deploy`, `add-unit`, `remove-unit`, `remove-application`, `destroy-model`. */
export function registerLifecycleCommands(program: Command): void {
  withModelOption(
    program
      .command('deploy')
      .description('deploy a built charm (or a layer, built first) to the local model')
      .argument('<charm>', 'built charm directory or layer directory')
      .argument('[application]', 'application name (default: the charm name)')
      .option('--config <key=value>', 'config value (repeatable)', collect, [])
      .option('-n, --num-units <n>', 'number of units', '1'),
  ).action(
    async (
      charm: string,
      application: string | undefined,
      options: ModelOption & { config: string[]; numUnits?: string },
    ) => {
      const agent = agentFor(options);
      const units = positiveInt('--num-units', options.numUnits, 1);
      const result = await agent.deploy(charm, {
        ...(application ? { app: application } : {}),
        config: options.config,
        units,
      });
      process.stdout.write(`deployed ${result.application} (${result.units.join(', ')})\n`);
      reportErrors(agent);
    },
  );

  withModelOption(
    program
      .command('add-unit')
      .description('add units to an application')
      .argument('<application>')
      .option('-n, --num-units <n>', 'number of units', '1'),
  ).action(async (application: string, options: ModelOption & { numUnits?: string }) => {
    const agent = agentFor(options);
    const added = await agent.addUnit(application, positiveInt('--num-units', options.numUnits, 1));
    process.stdout.write(`added ${added.join(', ')}\n`);
    reportErrors(agent);
  });

  withModelOption(
    program.command('remove-unit').description('remove a unit (departed, stop, broken, remove)').argument('<unit>'),
  ).action(async (unit: string, options: ModelOption) => {
    const agent = agentFor(options);
    await agent.removeUnit(unit);
    process.stdout.write(`removing ${unit}\n`);
    reportErrors(agent);
  });

  withModelOption(
    program
      .command('remove-application')
      .description('remove an application with its units and relations')
      .argument('<application>'),
  ).action(async (application: string, options: ModelOption) => {
    const agent = agentFor(options);
    await agent.removeApplication(application);
    process.stdout.write(`removing ${application}\n`);
    reportErrors(agent);
  });

  withModelOption(
    program
      .command('destroy-model')
      .description(
        'remove every application (teardown hooks run), then the unit network and its addresses, then the model files',
      ),
  ).action(async (options: ModelOption) => {
    const agent = agentFor(options);
    await agent.destroyModel();
    process.stdout.write(`destroyed model ${agent.modelDir}\n`);
  });
}

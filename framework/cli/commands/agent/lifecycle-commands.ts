import type { Command } from 'commander';
import type { LocalAgent } from '../../../agent';
import { agentFor, modelChangeCommand, positiveInt, withModelOption, type ModelOption } from './agent-context';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** The commands that remove one thing from the model, named by their one argument. */
const REMOVALS: readonly {
  readonly name: string;
  readonly description: string;
  readonly argument: string;
  readonly remove: (agent: LocalAgent, target: string) => Promise<void>;
}[] = [
  {
    name: 'remove-unit',
    description: 'remove a unit (departed, stop, broken, remove)',
    argument: '<unit>',
    remove: (agent, unit) => agent.removeUnit(unit),
  },
  {
    name: 'remove-application',
    description: 'remove an application with its units and relations',
    argument: '<application>',
    remove: (agent, application) => agent.removeApplication(application),
  },
];

/** `deploy`, `add-unit`, `remove-unit`, `remove-application`, `destroy-model`. */
export function registerLifecycleCommands(program: Command): void {
  modelChangeCommand(
    program
      .command('deploy')
      .description('deploy a built charm (or a layer, built first) to the local model')
      .argument('<charm>', 'built charm directory or layer directory')
      .argument('[application]', 'application name (default: the charm name)')
      .option('--config <key=value>', 'config value (repeatable)', collect, [])
      .option('-n, --num-units <n>', 'number of units', '1'),
    async (
      agent,
      [charm, application]: [string, string | undefined],
      options: ModelOption & { config: string[]; numUnits?: string },
    ) => {
      const units = positiveInt('--num-units', options.numUnits, 1);
      const result = await agent.deploy(charm, {
        ...(application ? { app: application } : {}),
        config: options.config,
        units,
      });
      return `deployed ${result.application} (${result.units.join(', ')})`;
    },
  );

  modelChangeCommand(
    program
      .command('add-unit')
      .description('add units to an application')
      .argument('<application>')
      .option('-n, --num-units <n>', 'number of units', '1'),
    async (agent, [application]: [string], options: ModelOption & { numUnits?: string }) => {
      const added = await agent.addUnit(application, positiveInt('--num-units', options.numUnits, 1));
      return `added ${added.join(', ')}`;
    },
  );

  for (const { name, description, argument, remove } of REMOVALS) {
    modelChangeCommand(
      program.command(name).description(description).argument(argument),
      async (agent, [target]: [string]) => {
        await remove(agent, target);
        return `removing ${target}`;
      },
    );
  }

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

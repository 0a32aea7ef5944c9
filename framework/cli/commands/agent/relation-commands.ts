import type { Command } from 'commander';
import type { LocalAgent, RelationRecord } from '../../../agent';
import { modelChangeCommand } from './agent-context';

/** A command that acts on the relation between two `application[:endpoint]` arguments. */
interface RelationCommand {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly description: string;
  /** Changes the model; returns the line to print. */
  readonly change: (agent: LocalAgent, a: string, b: string) => Promise<string>;
}

function endpointsOf(relation: RelationRecord): string {
  return relation.endpoints.map((e) => `${e.app}:${e.endpoint}`).join(' ');
}

const RELATION_COMMANDS: readonly RelationCommand[] = [
  {
    name: 'relate',
    aliases: [],
    description: 'relate two applications; endpoints are inferred from interfaces when unambiguous',
    change: async (agent, a, b) => {
      const relation = await agent.relate(a, b);
      return `related ${endpointsOf(relation)} (id ${relation.id})`;
    },
  },
  {
    name: 'unrelate',
    aliases: ['remove-relation'],
    description: 'remove a relation (departed per unit, then broken)',
    change: async (agent, a, b) => `unrelated ${endpointsOf(await agent.unrelate(a, b))}`,
  },
];

/** `relate` and `unrelate`. */
export function registerRelationCommands(program: Command): void {
  for (const { name, aliases, description, change } of RELATION_COMMANDS) {
    modelChangeCommand(
      program
        .command(name)
        .aliases(aliases)
        .description(description)
        .argument('<a>', 'application[:endpoint]')
        .argument('<b>', 'application[:endpoint]'),
      (agent, [a, b]: [string, string]) => change(agent, a, b),
    );
  }
}

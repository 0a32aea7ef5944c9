import type { RegisterCommand } from './program';

/**
 * The CLI's command families, each loaded on demand: a command loads only its own family, so
 * `rxcharm compose up` never pays for esbuild, ajv or rxjs at start-up (a whole-process
 * benchmark against docker-compose measures exactly that).
 */
export interface CommandFamily {
  /** Top-level command names and aliases the family registers (kept honest by command-families.test.ts). */
  readonly commands: readonly string[];
  readonly load: () => Promise<RegisterCommand>;
}

/** All families, in help order. */
export const COMMAND_FAMILIES: readonly CommandFamily[] = [
  {
    commands: ['build', 'proof', 'create', 'pack'],
    load: async () => (await import('./commands/build')).registerBuild,
  },
  {
    commands: [
      'deploy',
      'config',
      'relate',
      'unrelate',
      'remove-relation',
      'add-unit',
      'remove-unit',
      'remove-application',
      'destroy-model',
      'refresh',
      'status',
      'resolve',
      'resolved',
      'update-status',
      'wait',
      'debug-log',
      'run-action',
      'run',
    ],
    load: async () => (await import('./commands/agent')).registerAgentCommands,
  },
  { commands: ['compose'], load: async () => (await import('./commands/compose')).registerCompose },
  { commands: ['flags'], load: async () => (await import('./commands/flags')).registerFlags },
  { commands: ['dev', 'snapshot', 'ui'], load: async () => (await import('./commands/dev')).registerDevCommands },
  { commands: ['trace', 'graph'], load: async () => (await import('./commands/debug')).registerDebugCommands },
];

/**
 * The families to load for an argument vector: the one owning the first argument, or every
 * family when the first argument names none (help, a typo, no command) so commander can list
 * them all or suggest the closest.
 */
export function familiesFor(argv: readonly string[]): readonly CommandFamily[] {
  const first = argv[0];
  const owner = COMMAND_FAMILIES.find((family) => first !== undefined && family.commands.includes(first));
  return owner === undefined ? COMMAND_FAMILIES : [owner];
}

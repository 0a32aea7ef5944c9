import type { StateInput } from '../testing';

/** What {@link snapshotTest} writes a test from. */
export interface SnapshotTestInput {
  readonly unit: string;
  /** The unit's last hook as its trace names it (`config-changed`, `db-relation-changed`, `action:backup`). */
  readonly hook: string;
  /** Whether that hook succeeded on the live unit. */
  readonly ok: boolean;
  /** Source of the expression the test passes to `new Context(...)` (a string literal or a `join(__dirname, ...)`). */
  readonly charmExpression: string;
  readonly state: StateInput;
  /** When the snapshot was taken (ISO), for the header comment. */
  readonly takenAt: string;
}

const RELATION_HOOK = /^(.+)-relation-(created|joined|changed|departed|broken)$/;

/** The event expression and the helpers it imports, for a hook name of a trace. */
function eventExpression(hook: string, state: StateInput): { expr: string; helpers: string[]; note?: string } {
  if (hook.startsWith('action:')) return { expr: `action(${JSON.stringify(hook.slice(7))})`, helpers: ['action'] };
  const m = RELATION_HOOK.exec(hook);
  if (m === null) return { expr: JSON.stringify(hook), helpers: [] };
  const [, endpoint, kind] = m as unknown as [string, string, string];
  const relation = (state.relations ?? []).find((r) => r.endpoint === endpoint);
  const id = relation?.id === undefined ? '' : `, { relationId: ${relation.id} }`;
  const helper = `relation${kind[0]!.toUpperCase()}${kind.slice(1)}`;
  if (kind === 'created' || kind === 'broken')
    return { expr: `${helper}(${JSON.stringify(endpoint)}${id})`, helpers: [helper] };
  const remote = Object.keys(relation?.remoteUnits ?? {})[0];
  return {
    expr: `${helper}(${JSON.stringify(endpoint)}, ${remote === undefined ? 'undefined' : JSON.stringify(remote)}${id})`,
    helpers: [helper],
    note: 'The trace does not record the remote unit: this is the first one in scope; change it to the one you saw.',
  };
}

/**
 * A ready jest test that runs the unit's last hook from its snapshot (pure). A hook that failed on
 * the unit is expected to fail again (the store of a failed hook is not committed, so the
 * snapshot is the state the hook started from): fix the charm, and turn the expectation round.
 * A hook that succeeded is expected to succeed and leave the workload status the unit shows.
 */
export function snapshotTest(input: SnapshotTestInput): string {
  const event = eventExpression(input.hook, input.state);
  const imports = ['Context', ...event.helpers, ...(input.ok ? [] : ['UncaughtHandlerError'])].sort();
  const status = input.state.status ?? { status: 'unknown', message: '' };
  const body = input.ok
    ? [
        `    const out = await ctx.run(${event.expr}, state);`,
        `    expect(out.state.status).toEqual(${JSON.stringify(status)});`,
      ]
    : [
        `    // It failed on ${input.unit}: once the charm is fixed, expect it to pass instead.`,
        `    await expect(ctx.run(${event.expr}, state)).rejects.toThrow(UncaughtHandlerError);`,
      ];
  return [
    `// Written by \`rxcharm snapshot ${input.unit} --test\` at ${input.takenAt}.`,
    `// The state of ${input.unit} then (secrets replaced by placeholders), and its last hook: ${input.hook}.`,
    ...(event.note === undefined ? [] : [`// ${event.note}`]),
    ...(input.charmExpression.includes('join(') ? ["import { join } from 'node:path';"] : []),
    `import { ${imports.join(', ')} } from 'rxcharm/testing';`,
    '',
    `const state = ${JSON.stringify(input.state, null, 2)};`,
    '',
    `describe(${JSON.stringify(`${input.unit} snapshot`)}, () => {`,
    `  it(${JSON.stringify(`${input.ok ? 'runs' : 'fails'} ${input.hook} as it did on the unit`)}, async () => {`,
    `    const ctx = new Context(${input.charmExpression});`,
    ...body,
    '  });',
    '});',
    '',
  ].join('\n');
}

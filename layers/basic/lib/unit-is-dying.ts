import type { HookContext, HookTools } from 'rxcharm';

/** What {@link unitIsDying} needs of a charm: its hook context and tools (a `Charm` has both). */
export interface DyingTarget {
  readonly hook: Pick<HookContext, 'unitName' | 'hookName'>;
  readonly tools: Pick<HookTools, 'goalState'>;
}

/**
 * True when the unit is being removed: during `stop` and `remove`, and during the
 * `-relation-departed`/`-relation-broken` hooks Juju 3.6 runs on a dying unit before `stop`,
 * which `goal-state` tells apart from an ordinary unrelate (the unit shows `dying`). Use it
 * to bring nothing up in those hooks: the unit's workload is about to go.
 *
 * An agent without `goal-state` (Juju before 2.4) counts as not dying.
 *
 * @example
 * ```ts
 * @hook('redis-relation-broken')
 * async redisGone(): Promise<void> {
 *   if (!(await unitIsDying(this))) this.clearFlag('app.configured');
 * }
 * ```
 */
export async function unitIsDying(charm: DyingTarget): Promise<boolean> {
  if (charm.hook.hookName === 'stop' || charm.hook.hookName === 'remove') return true;
  try {
    const goal = await charm.tools.goalState();
    return goal.units[charm.hook.unitName]?.status === 'dying';
  } catch {
    return false;
  }
}

import type { PlanAction } from '../../framework/docker';

/** A plan as short text, one `<kind> <service>#<n>` (or just the kind) per action, for assertions. */
export function planKinds(actions: readonly PlanAction[]): string[] {
  return actions.map((a) => ('service' in a ? `${a.kind} ${a.service}#${a.number}` : a.kind));
}

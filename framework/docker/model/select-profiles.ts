import { ComposeUsageError } from '../errors';
import type { ComposeModel } from './types';

/** A model narrowed to its active services, and the names of those left out. */
export interface ProfileSelection {
  readonly model: ComposeModel;
  /** Services disabled by their profiles: not run, and not orphans either. */
  readonly inactive: readonly string[];
}

/**
 * Applies `profiles:` as docker compose v2 does: a service without profiles always runs; one with
 * profiles runs when one of them is active (`*` activates all) or when it is named on the command
 * line, and a named service brings the services it depends on along. A running service that
 * depends on a disabled one is an error naming both.
 *
 * @throws ComposeUsageError when an active service depends on a disabled one.
 */
export function selectProfiles(
  model: ComposeModel,
  active: readonly string[],
  named: readonly string[] = [],
): ProfileSelection {
  const all = active.includes('*');
  const enabled = new Set(
    Object.values(model.services)
      .filter(
        (s) => s.profiles === undefined || s.profiles.length === 0 || all || s.profiles.some((p) => active.includes(p)),
      )
      .map((s) => s.name),
  );
  const visit = (name: string): void => {
    const svc = model.services[name];
    if (svc === undefined) return;
    enabled.add(name);
    for (const dep of [...Object.keys(svc.dependsOn), ...svc.links.map(([d]) => d)]) if (!enabled.has(dep)) visit(dep);
  };
  for (const name of named) visit(name);
  const inactive = Object.keys(model.services).filter((n) => !enabled.has(n));
  if (inactive.length === 0) return { model, inactive };
  for (const name of enabled) {
    const svc = model.services[name];
    const deps = [
      ...Object.keys(svc.dependsOn),
      ...svc.links.map(([d]) => d),
      ...(svc.volumesFrom ?? []).flatMap((v) => (v.service === undefined ? [] : [v.service])),
    ];
    const off = deps.find((d) => !enabled.has(d));
    if (off !== undefined)
      throw new ComposeUsageError(
        `service "${name}" depends on service "${off}", which is disabled by its profiles (${(model.services[off].profiles ?? []).join(', ')})`,
        { service: name, dependency: off },
      );
  }
  const services = Object.fromEntries(Object.entries(model.services).filter(([n]) => enabled.has(n)));
  return { model: { ...model, services }, inactive };
}

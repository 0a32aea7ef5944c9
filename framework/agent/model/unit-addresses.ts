import type { ModelState } from './model-state';

/** The keys Juju writes into a unit's own bag when the unit enters a relation's scope. */
export const ADDRESS_KEYS = ['private-address', 'ingress-address', 'egress-subnets'] as const;

/** What Juju writes for a unit whose machine has `address`: the address, and its /32 (or /128). */
export function unitAddressSettings(address: string): Record<(typeof ADDRESS_KEYS)[number], string> {
  const subnet = address.includes(':') ? `${address}/128` : `${address}/32`;
  return { 'private-address': address, 'ingress-address': address, 'egress-subnets': subnet };
}

/**
 * Fills `private-address`, `ingress-address` and `egress-subnets` in the bag of every unit that
 * takes part in a live relation and has not got them yet, as Juju does when a unit enters a
 * relation (before any joined hook on either side reads the bag). A charm may change or delete
 * them afterwards; they are only written once per unit and relation.
 *
 * @returns true when a bag changed (the model needs saving).
 */
export function enterRelationScopes(model: ModelState, addressOf: (unit: string) => string): boolean {
  let changed = false;
  for (const relation of model.data.relations) {
    if (relation.dying) continue;
    const entered = (relation.entered ??= []);
    for (const unit of model.participants(relation)) {
      if (unit.dying || entered.includes(unit.name)) continue;
      const bag = (relation.unitData[unit.name] ??= {});
      for (const [key, value] of Object.entries(unitAddressSettings(addressOf(unit.name)))) bag[key] ??= value;
      entered.push(unit.name);
      changed = true;
    }
  }
  return changed;
}

import { Endpoint, type EndpointClass, type EndpointRole } from '../endpoints';
import { HandlerRegistry, isHandlerDefinition, type EndpointRoles } from '../reactive';
import type { CharmBundle } from './charm-bundle';
import { isCharmClass } from './charm';

/** An endpoint to instantiate: its name, role, interface and the class to use. */
export interface EndpointBinding {
  readonly name: string;
  readonly role: EndpointRole;
  readonly interfaceName: string;
  readonly Class: EndpointClass;
}

function isEndpointClass(value: unknown): value is EndpointClass {
  return (
    typeof value === 'function' &&
    (value === Endpoint || (value as { prototype?: unknown }).prototype instanceof Endpoint)
  );
}

/**
 * Which class serves each endpoint of metadata.yaml: the interface package's export named after
 * the role (`requires`, `provides`, `peers`), or the plain {@link Endpoint} when the charm ships
 * no class for it (automatic flags still work). Sorted by endpoint name. Pure.
 */
export function bindEndpoints(bundle: CharmBundle, roles: EndpointRoles): EndpointBinding[] {
  const out: EndpointBinding[] = [];
  for (const role of ['requires', 'provides', 'peers'] as const) {
    for (const [name, iface] of Object.entries(roles[role])) {
      const exported = bundle.interfaces.find((i) => i.name === iface)?.exports[role];
      out.push({ name, role, interfaceName: iface, Class: isEndpointClass(exported) ? exported : Endpoint });
    }
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Registers the bundle's handlers in order: interface classes first (one registration per
 * endpoint, with `{endpoint_name}` expanded; they keep flags like `redis.available` current
 * before charm handlers test them), then every module in bundle order: exported `Charm`
 * subclasses (`addClass`) and `HandlerDefinition`s (`addHandler`), in export order.
 */
export function registerBundle(
  registry: HandlerRegistry,
  bundle: CharmBundle,
  bindings: readonly EndpointBinding[],
  instances: { endpoint: (name: string) => object; charm: (Class: new () => object) => object },
): void {
  for (const b of bindings) {
    if (b.Class === Endpoint) continue;
    registry.addClass(b.Class, {
      source: { layer: `interface:${b.interfaceName}`, file: b.role },
      instance: () => instances.endpoint(b.name),
      expand: { endpoint_name: b.name },
    });
  }
  // A module re-exporting another's class or definition must not register it twice.
  const seen = new Set<unknown>();
  for (const mod of bundle.modules) {
    for (const value of Object.values(mod.exports)) {
      if (seen.has(value)) continue;
      seen.add(value);
      if (isCharmClass(value)) {
        const Class = value as unknown as new () => object;
        registry.addClass(Class, {
          source: { layer: mod.layer, file: mod.file },
          instance: () => instances.charm(Class),
        });
      } else if (isHandlerDefinition(value)) {
        registry.addHandler(value, { layer: mod.layer, file: mod.file });
      }
    }
  }
}

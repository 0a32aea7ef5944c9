import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { RegisteredHandler } from '../../reactive';
import type { CharmBundle } from '../../runtime';
import { evaluateBundle } from '../internal/evaluate-bundle';
import { loadCharm, type LoadCharmOptions, type LoadedCharm } from '../load-charm';
import { scanEffects, type FileEffects, type MethodEffects } from './scan-effects';

/** Condition edges go flag → handler; effect edges handler → flag; trigger edges flag → flag. */
export type GraphEdgeKind = 'when' | 'whenNot' | 'whenAny' | 'whenNotAll' | 'sets' | 'clears' | 'toggles' | 'trigger';

/**
 * A handler node: the registry's id (`<layer>:<file>:<Class>.<method>[#endpoint]`) and its hook
 * and action conditions, with the node's key, label and layer.
 */
export interface GraphHandler extends Pick<RegisteredHandler, 'id' | 'hooks' | 'actions'> {
  /** Node key: `handler:<id>`. */
  readonly key: string;
  /** Short label: `Class.method` (plus `#endpoint`). */
  readonly label: string;
  /** Layer (`docker`, `interface:redis`). */
  readonly layer: string;
}

export interface GraphFlag {
  /** Node key: `flag:<name>`. */
  readonly key: string;
  readonly name: string;
  /** Who sets it: a handler of the charm, the runtime (config.*, endpoint.*), or nobody known. */
  readonly setBy: 'handler' | 'runtime' | 'unknown';
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: GraphEdgeKind;
}

/** The state machine of a layered charm: every handler, every flag, and how they connect. */
export interface FlagGraph {
  readonly charm: string;
  readonly handlers: readonly GraphHandler[];
  readonly flags: readonly GraphFlag[];
  readonly edges: readonly GraphEdge[];
}

const RUNTIME_FLAG = /^(config\.(changed|set|default)(\..+)?|endpoint\.[^.]+\.(joined|changed|departed)(\..+)?)$/;

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      if (name === 'node_modules' || name === 'tests' || name === 'workload' || name.startsWith('.')) continue;
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/**
 * `Class.method` → effects, over every TypeScript file of the stack's layers and interfaces, with
 * each class's field-held flag names (`this.flags.ready`) for the code it inherits.
 */
function effectsIndex(loaded: LoadedCharm): {
  index: Map<string, MethodEffects>;
  members: Map<string, ReadonlyMap<string, string>>;
  triggers: FileEffects['triggers'][number][];
} {
  const index = new Map<string, MethodEffects>();
  const members = new Map<string, ReadonlyMap<string, string>>();
  const triggers: FileEffects['triggers'][number][] = [];
  const add = (scanned: FileEffects): void => {
    for (const [k, v] of scanned.methods) index.set(k, v);
    for (const [k, v] of scanned.members) members.set(k, v);
  };
  const dirs = [...Object.values(loaded.interfaceDirs), ...Object.values(loaded.layerDirs)];
  for (const dir of dirs) {
    for (const file of tsFiles(dir)) {
      const scanned = scanEffects(readFileSync(file, 'utf8'));
      add(scanned);
      triggers.push(...scanned.triggers);
    }
  }
  // The reactive modules themselves win over a same-named class elsewhere.
  for (const m of loaded.modules) add(scanEffects(readFileSync(m.source, 'utf8')));
  return { index, members, triggers };
}

/**
 * Effects of a handler method its class inherits from a base the scan did not read (a framework
 * base such as `connectedEndpoint`, or read without its subclass's flag names, such as
 * `UnitProjectCharm`): the flags its compiled body names, directly or through the class's fields
 * (`this.flags.stopped`), plus the effects of the class's own methods it calls
 * (`this.updateFlags(...)`), which the scan did read.
 */
function inheritedEffects(
  bundle: CharmBundle,
  key: string,
  effects: ReadonlyMap<string, MethodEffects>,
  members: ReadonlyMap<string, ReadonlyMap<string, string>>,
): MethodEffects | undefined {
  const [className = '', method = ''] = key.split('.');
  const cls = [...bundle.modules, ...bundle.interfaces]
    .flatMap((m) => Object.values(m.exports))
    .find((v): v is { prototype: Record<string, unknown> } => typeof v === 'function' && v.name === className);
  const fn = cls?.prototype[method];
  if (typeof fn !== 'function') return undefined;
  const body = String(fn);
  const parts = [
    scanEffects(`class ${className} { ${body} }`, members.get(className)).methods.get(key),
    ...[...body.matchAll(/\bthis\.#?([A-Za-z_$][\w$]*)\s*\(/g)].map((m) => effects.get(`${className}.${m[1]}`)),
  ];
  const union = (pick: (e: MethodEffects) => readonly string[]): string[] =>
    [...new Set(parts.flatMap((e) => (e === undefined ? [] : pick(e))))].sort();
  return { sets: union((e) => e.sets), clears: union((e) => e.clears), toggles: union((e) => e.toggles) };
}

function methodKey(h: RegisteredHandler): { key: string; endpoint: string | undefined } {
  const [id, endpoint] = h.id.split('#');
  const tail = (id as string).slice((id as string).lastIndexOf(':') + 1);
  return { key: tail, endpoint };
}

/**
 * Builds the flag graph of a charm from its handler registry (exact conditions, with
 * `{endpoint_name}` expanded per endpoint) and a static scan of the handler methods for the
 * flags they set and clear. Pure apart from reading the loaded sources.
 */
export function flagGraphOf(loaded: LoadedCharm): FlagGraph {
  const mod = evaluateBundle(loaded.code, loaded.spec.charmName);
  const registry = new mod.HandlerRegistry();
  mod.registerBundle(registry, mod.bundle, mod.bindEndpoints(mod.bundle, loaded.spec.roles), {
    endpoint: () => ({}),
    charm: () => ({}),
  });
  const { index: effects, members, triggers } = effectsIndex(loaded);
  const handlers: GraphHandler[] = [];
  const edges: GraphEdge[] = [];
  const flags = new Map<string, GraphFlag['setBy']>();
  const mention = (f: string, setBy?: GraphFlag['setBy']): string => {
    const prev = flags.get(f);
    if (setBy === 'handler' || prev === undefined)
      flags.set(f, setBy ?? prev ?? (RUNTIME_FLAG.test(f) ? 'runtime' : 'unknown'));
    return `flag:${f}`;
  };
  for (const h of registry.handlers) {
    const key = `handler:${h.id}`;
    const { key: method, endpoint } = methodKey(h);
    handlers.push({
      key,
      id: h.id,
      label: endpoint === undefined ? method : `${method}#${endpoint}`,
      layer: h.source?.layer ?? '',
      hooks: h.hooks,
      actions: h.actions,
    });
    for (const [list, kind] of [
      [h.whenAll, 'when'],
      [h.whenNone, 'whenNot'],
      [[...new Set(h.whenAny.flat())], 'whenAny'],
      [[...new Set(h.whenNotAll.flat())], 'whenNotAll'],
    ] as const) {
      for (const f of list) edges.push({ from: mention(f), to: key, kind });
    }
    const e = effects.get(method) ?? inheritedEffects(mod.bundle, method, effects, members);
    if (e === undefined) continue;
    const expand = (f: string): string => (endpoint === undefined ? f : f.split('{endpoint_name}').join(endpoint));
    for (const [list, kind] of [
      [e.sets, 'sets'],
      [e.clears, 'clears'],
      [e.toggles, 'toggles'],
    ] as const) {
      for (const f of list) {
        const flag = expand(f);
        if (flag.includes('{')) continue;
        edges.push({ from: key, to: mention(flag, kind === 'clears' ? undefined : 'handler'), kind });
      }
    }
  }
  for (const t of [...registry.triggers, ...triggers]) {
    const from = t.when ?? t.whenNot;
    if (from === undefined) continue;
    if (t.setFlag !== undefined)
      edges.push({ from: mention(from), to: mention(t.setFlag, 'handler'), kind: 'trigger' });
    if (t.clearFlag !== undefined) edges.push({ from: mention(from), to: mention(t.clearFlag), kind: 'trigger' });
  }
  const unique = [...new Map(edges.map((e) => [`${e.from}|${e.to}|${e.kind}`, e])).values()];
  return {
    charm: loaded.spec.charmName,
    handlers,
    flags: [...flags.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, setBy]) => ({ key: `flag:${name}`, name, setBy })),
    edges: unique,
  };
}

/**
 * Loads a layer or charm directory and returns its {@link FlagGraph}.
 *
 * @throws HarnessLoadError when the directory cannot be loaded.
 * @example
 * ```ts
 * const graph = await charmGraph('charms/voting-app');
 * console.log(renderDot(graph));
 * ```
 */
export async function charmGraph(dir: string, options: LoadCharmOptions = {}): Promise<FlagGraph> {
  return flagGraphOf(await loadCharm(dir, options));
}

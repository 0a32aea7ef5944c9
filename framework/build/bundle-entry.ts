import { INTERNAL_SPECIFIER } from './framework-aliases';

/** One reactive module of the bundle: layer name, path in the charm, absolute source file. */
export interface EntryModule {
  readonly layer: string;
  readonly file: string;
  readonly source: string;
}

/** One interface layer of the bundle: its name and absolute `index.ts`. */
export interface EntryInterface {
  readonly name: string;
  readonly source: string;
}

/** Everything the generated entry passes to `run(bundle)`. */
export interface EntrySpec {
  readonly charmName: string;
  readonly modules: readonly EntryModule[];
  readonly interfaces: readonly EntryInterface[];
  readonly layerOptions: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/**
 * Generates the TypeScript entry of a built charm: it imports every reactive module (in the
 * given order) and every used interface, then calls `run({ charmName, modules, interfaces,
 * layerOptions })` from the framework's internal entry. Pure; the order of `modules` is the handler registration order.
 */
export function bundleEntrySource(spec: EntrySpec): string {
  const lines = [`import { run } from '${INTERNAL_SPECIFIER}';`];
  spec.modules.forEach((mod, i) => lines.push(`import * as module${i} from ${JSON.stringify(mod.source)};`));
  spec.interfaces.forEach((iface, i) => lines.push(`import * as interface${i} from ${JSON.stringify(iface.source)};`));
  const modules = spec.modules.map(
    (mod, i) => `    { layer: ${JSON.stringify(mod.layer)}, file: ${JSON.stringify(mod.file)}, exports: module${i} },`,
  );
  const interfaces = spec.interfaces.map(
    (iface, i) => `    { name: ${JSON.stringify(iface.name)}, exports: interface${i} },`,
  );
  lines.push(
    '',
    'void run({',
    `  charmName: ${JSON.stringify(spec.charmName)},`,
    '  modules: [',
    ...modules,
    '  ],',
    '  interfaces: [',
    ...interfaces,
    '  ],',
    `  layerOptions: ${JSON.stringify(spec.layerOptions)},`,
    '});',
    '',
  );
  return lines.join('\n');
}

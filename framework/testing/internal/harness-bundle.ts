import { build, type Plugin } from 'esbuild';
import { INTERNAL_SPECIFIER, resolveCharmAliases, type CharmAliases, type EntrySpec } from '../../build';
import { HarnessLoadError } from '../errors';

/** Entry of a harness bundle: exports the bundle description and the bundle's own `runHook`. */
export function harnessEntrySource(spec: EntrySpec): string {
  // The registry tools come from the bundle's own framework copy: decorator records live there.
  const lines = [
    `export { runHook, HandlerRegistry, registerBundle, bindEndpoints, parseCharmMetadata } from '${INTERNAL_SPECIFIER}';`,
  ];
  spec.modules.forEach((m, i) => lines.push(`import * as module${i} from ${JSON.stringify(m.source)};`));
  spec.interfaces.forEach((f, i) => lines.push(`import * as interface${i} from ${JSON.stringify(f.source)};`));
  lines.push(
    'export const bundle = {',
    `  charmName: ${JSON.stringify(spec.charmName)},`,
    `  modules: [${spec.modules.map((m, i) => `{ layer: ${JSON.stringify(m.layer)}, file: ${JSON.stringify(m.file)}, exports: module${i} }`).join(', ')}],`,
    `  interfaces: [${spec.interfaces.map((f, i) => `{ name: ${JSON.stringify(f.name)}, exports: interface${i} }`).join(', ')}],`,
    `  layerOptions: ${JSON.stringify(spec.layerOptions)},`,
    '};',
  );
  return lines.join('\n');
}

/** Where aliases point. */
export interface HarnessAliases extends CharmAliases {
  /** The rxcharm package root: packages resolvable from it are shared with the host. */
  readonly packageRoot: string;
}

function plugin(aliases: HarnessAliases): Plugin {
  return {
    name: 'rxcharm-testing',
    setup(b) {
      resolveCharmAliases(b, aliases);
      // npm packages rxcharm itself has stay outside the bundle (the host's copies, stateless
      // libraries, loaded once); a package only a layer has is bundled from the layer's node_modules.
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('node:') || !/^[a-z@]/i.test(args.path)) return undefined;
        try {
          require.resolve(args.path, { paths: [aliases.packageRoot] });
          return { path: args.path, external: true };
        } catch {
          return undefined;
        }
      });
    },
  };
}

/**
 * Bundles the charm's reactive modules, interfaces and a private copy of the framework into one
 * CommonJS text, evaluated afresh for every run (so no module state survives between runs).
 *
 * @throws the esbuild failure, with its messages.
 */
export async function bundleForHarness(spec: EntrySpec, resolveDir: string, aliases: HarnessAliases): Promise<string> {
  const result = await build({
    stdin: { contents: harnessEntrySource(spec), resolveDir, loader: 'ts', sourcefile: 'rxcharm-testing-entry.ts' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    write: false,
    plugins: [plugin(aliases)],
    logLevel: 'silent',
    legalComments: 'none',
  });
  const out = result.outputFiles[0];
  if (out === undefined) throw new HarnessLoadError(resolveDir, 'esbuild produced no output');
  return out.text;
}

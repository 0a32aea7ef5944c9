import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { EntrySpec } from './bundle-entry';
import { actionNames, dispatchScript, endpointsOf, hookNames, hookStub } from './hook-scripts';
import { manifestYaml } from './pack-charm';
import { readYamlMap, type YamlMap } from './internal/read-yaml';
import { mergeLayers, type LayerDocuments, type MergedLayers } from './merge-layers';
import { planFiles } from './plan-files';
import type { LayerStack } from './resolve-layers';

/** One file of the charm to write (the bundle is added separately). */
export interface OutputFile {
  readonly path: string;
  readonly layer: string;
  readonly kind: 'static' | 'dynamic';
  readonly mode: number;
  readonly content: Uint8Array;
}

/** Everything a build writes, decided before anything is written. */
export interface CharmPlan {
  readonly stack: LayerStack;
  readonly merged: MergedLayers;
  /** Interface names that both are included and name the interface of some endpoint. */
  readonly usedInterfaces: readonly string[];
  readonly files: readonly OutputFile[];
  readonly entry: EntrySpec;
}

/** Reads the YAML documents of every layer of a stack. @throws LayerFileError (file:line). */
export function loadLayerDocuments(stack: LayerStack): LayerDocuments[] {
  return stack.layers.map((layer) => ({
    layer,
    metadata: readYamlMap(join(layer.dir, 'metadata.yaml')),
    config: readYamlMap(join(layer.dir, 'config.yaml')),
    actions: readYamlMap(join(layer.dir, 'actions.yaml')),
  }));
}

const encoder = new TextEncoder();
const yamlFile = (data: YamlMap): Uint8Array => encoder.encode(stringify(data, { lineWidth: 0 }));

/**
 * Plans a charm from a resolved stack: merged YAML, copied files (highest layer wins),
 * `dispatch`, hook and action stubs (unless a layer ships its own), and the bundle entry.
 * Reads layer files; writes nothing.
 */
export function planCharm(stack: LayerStack): CharmPlan {
  const merged = mergeLayers(loadLayerDocuments(stack));
  const endpointInterfaces = new Set(
    endpointsOf(merged.metadata)
      .map((ep) => ep.interface)
      .filter((i): i is string => i !== undefined),
  );
  const usedInterfaces = stack.interfaces.map((iface) => iface.name).filter((name) => endpointInterfaces.has(name));

  const files = new Map<string, OutputFile>();
  for (const planned of planFiles(stack, usedInterfaces)) {
    const mode = statSync(planned.source).mode & 0o777;
    files.set(planned.path, {
      path: planned.path,
      layer: planned.layer,
      kind: 'static',
      mode,
      content: readFileSync(planned.source),
    });
  }
  const dynamic = (path: string, content: Uint8Array, mode = 0o644): void => {
    files.set(path, { path, layer: 'build', kind: 'dynamic', mode, content });
  };
  dynamic('metadata.yaml', yamlFile(merged.metadata));
  dynamic('layer.yaml', yamlFile(merged.layerYaml));
  if (merged.config !== undefined) dynamic('config.yaml', yamlFile(merged.config));
  if (merged.actions !== undefined) dynamic('actions.yaml', yamlFile(merged.actions));

  const basic = merged.layerOptions['basic'] ?? {};
  const packages = Array.isArray(basic['packages'])
    ? basic['packages'].filter((p): p is string => typeof p === 'string')
    : [];
  if (!files.has('dispatch')) {
    dynamic(
      'dispatch',
      encoder.encode(
        dispatchScript({ charmName: merged.charmName, installNode: basic['install-node'] === true, packages }),
      ),
      0o755,
    );
  }
  // The bases travel with the unpacked charm too, so `juju deploy ./dir` knows them as it does a packed .charm.
  if (!files.has('manifest.yaml')) dynamic('manifest.yaml', encoder.encode(manifestYaml()));
  for (const hook of hookNames(merged.metadata))
    if (!files.has(`hooks/${hook}`)) dynamic(`hooks/${hook}`, encoder.encode(hookStub(`hooks/${hook}`)), 0o755);
  for (const action of actionNames(merged.actions))
    if (!files.has(`actions/${action}`))
      dynamic(`actions/${action}`, encoder.encode(hookStub(`actions/${action}`)), 0o755);

  const modules = [...files.values()]
    .filter((file) => file.kind === 'static' && /^reactive\/[^/]+\.ts$/.test(file.path) && !file.path.endsWith('.d.ts'))
    .map((file) => {
      const index = stack.layers.findIndex((layer) => layer.name === file.layer);
      const layer = stack.layers[index];
      return { layer: file.layer, file: file.path, source: join(layer?.dir ?? '', file.path), index };
    })
    .sort((a, b) => a.index - b.index || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .map(({ layer, file, source }) => ({ layer, file, source }));
  const interfaces = stack.interfaces
    .filter((iface) => usedInterfaces.includes(iface.name) && existsSync(join(iface.dir, 'index.ts')))
    .map((iface) => ({ name: iface.name, source: join(iface.dir, 'index.ts') }));
  return {
    stack,
    merged,
    usedInterfaces,
    files: [...files.values()].sort((a, b) => (a.path < b.path ? -1 : 1)),
    entry: { charmName: merged.charmName, modules, interfaces, layerOptions: merged.layerOptions },
  };
}

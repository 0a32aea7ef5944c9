import { join } from 'node:path';
import { deepMerge, deletePaths } from './deep-merge';
import { LayerFileError } from './errors';
import { isMap, type YamlMap } from './internal/read-yaml';
import { validateLayerOptions, type LayerOptions } from './layer-options';
import type { ResolvedLayer } from './resolve-layers';

/** The YAML documents one layer contributes (absent files are `undefined`). */
export interface LayerDocuments {
  readonly layer: ResolvedLayer;
  readonly metadata?: YamlMap;
  readonly config?: YamlMap;
  readonly actions?: YamlMap;
}

/** The merged charm-level documents of a layer stack. */
export interface MergedLayers {
  readonly charmName: string;
  readonly metadata: YamlMap;
  /** Merged `config.yaml` (`{ options: {...} }`), or `undefined` when no layer has one. */
  readonly config: YamlMap | undefined;
  readonly actions: YamlMap | undefined;
  /** The merged `layer.yaml` written into the charm (`includes`, `options` with defaults, `is`). */
  readonly layerYaml: YamlMap;
  readonly layerOptions: LayerOptions;
}

const METADATA_ORDER = [
  'name',
  'display-name',
  'summary',
  'maintainer',
  'maintainers',
  'description',
  'tags',
  'series',
  'requires',
  'provides',
  'peers',
];

/**
 * Merges the YAML documents of a stack (lowest layer first): maps deep-merged, the higher
 * layer's scalars win, lists unioned lower-first, `deletes` applied, `maintainer(s)` taken only
 * from the top-most layer that has a metadata.yaml, options validated against `defines`.
 * Pure: reads and writes no files.
 *
 * @throws LayerFileError (no metadata.yaml, bad name, malformed sections), LayerOptionsError.
 */
export function mergeLayers(docs: readonly LayerDocuments[]): MergedLayers {
  const withMetadata = docs.filter((doc) => doc.metadata !== undefined);
  const topMetadata = withMetadata[withMetadata.length - 1];
  const topDoc = docs[docs.length - 1];
  if (topMetadata === undefined || topDoc === undefined) {
    throw new LayerFileError(
      join(topDoc?.layer.dir ?? '.', 'metadata.yaml'),
      'at least one layer must provide metadata.yaml',
    );
  }

  let layerYaml: YamlMap = {};
  const defines: Record<string, YamlMap> = {};
  for (const { layer } of docs) {
    const { defines: own, name: _name, exclude: _exclude, ignore: _ignore, ...rest } = layer.config;
    if (own !== undefined) {
      if (!isMap(own))
        throw new LayerFileError(
          join(layer.dir, 'layer.yaml'),
          '`defines` must be a mapping of option name to JSON schema',
        );
      defines[layer.name] = own;
    }
    layerYaml = deepMerge(layerYaml, rest);
  }
  const deletesOf = (section: string): string[] => {
    const value = layerYaml[section];
    const list = isMap(value) ? value['deletes'] : undefined;
    if (list === undefined) return [];
    if (!Array.isArray(list) || !list.every((item): item is string => typeof item === 'string')) {
      throw new LayerFileError('layer.yaml', `${section}.deletes must be a list of dotted key paths`);
    }
    return list;
  };

  let metadata: YamlMap = {};
  for (const doc of withMetadata) {
    const data = doc.metadata as YamlMap;
    metadata = deepMerge(metadata, doc === topMetadata ? data : withoutMaintainers(data));
  }
  metadata = orderMetadata(deletePaths(metadata, deletesOf('metadata')));
  const charmName = metadata['name'];
  const metadataFile = join(topMetadata.layer.dir, 'metadata.yaml');
  if (typeof charmName !== 'string' || !/^[a-z][a-z0-9-]*$/.test(charmName)) {
    throw new LayerFileError(
      metadataFile,
      '`name` must be a string of lowercase letters, digits and dashes, starting with a letter',
    );
  }

  for (const doc of docs)
    if (doc.config !== undefined) checkConfigShape(doc.config, join(doc.layer.dir, 'config.yaml'));
  const config = mergeSection(
    docs.map((doc) => doc.config),
    deletesOf('config').map((path) => `options.${path}`),
  );
  const actions = mergeSection(
    docs.map((doc) => doc.actions),
    deletesOf('actions'),
  );

  const options = layerYaml['options'] ?? {};
  if (!isMap(options)) throw new LayerFileError('layer.yaml', '`options` must be a mapping of layer name to options');
  const layerOptions = validateLayerOptions(defines, options);
  layerYaml = { ...layerYaml, options: layerOptions, is: charmName };
  return { charmName, metadata, config, actions, layerYaml, layerOptions };
}

/**
 * A layer's config.yaml must be mergeable: `options` a mapping of option name to mapping. Merging a
 * list or a scalar into the lower layers' options would drop or garble them, so the shape is checked
 * per layer file, before anything is written; proof then checks the merged types and defaults.
 */
function checkConfigShape(config: YamlMap, file: string): void {
  const options = config['options'];
  if (options === undefined || options === null) return;
  if (!isMap(options)) {
    throw new LayerFileError(
      file,
      `\`options\` must be a mapping of option name to {type, default, description}, not ${describeYaml(options)}`,
    );
  }
  for (const [name, spec] of Object.entries(options)) {
    if (!isMap(spec))
      throw new LayerFileError(
        file,
        `options.${name} must be a mapping with type, default and description, not ${describeYaml(spec)}`,
      );
  }
}

function describeYaml(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return `a ${typeof value} (${JSON.stringify(value)})`;
}

/** Lower layers' maintainers never reach the charm: only the top-most metadata names them. */
function withoutMaintainers(metadata: YamlMap): YamlMap {
  return Object.fromEntries(Object.entries(metadata).filter(([key]) => key !== 'maintainer' && key !== 'maintainers'));
}

function mergeSection(parts: ReadonlyArray<YamlMap | undefined>, deletes: readonly string[]): YamlMap | undefined {
  const present = parts.filter((part): part is YamlMap => part !== undefined);
  if (present.length === 0) return undefined;
  return deletePaths(
    present.reduce<YamlMap>((acc, part) => deepMerge(acc, part), {}),
    deletes,
  );
}

function orderMetadata(metadata: YamlMap): YamlMap {
  const keys = Object.keys(metadata);
  const ordered = [
    ...METADATA_ORDER.filter((key) => keys.includes(key)),
    ...keys.filter((key) => !METADATA_ORDER.includes(key)).sort(),
  ];
  return Object.fromEntries(ordered.map((key) => [key, metadata[key]]));
}

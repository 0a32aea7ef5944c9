import Ajv from 'ajv';
import { LayerOptionsError } from './errors';
import { isMap, type YamlMap } from './internal/read-yaml';

/** Layer options by layer name, defaults filled in: what a built charm reads with `layerOption()`. */
export type LayerOptions = Record<string, Record<string, unknown>>;

/**
 * Validates the merged `options:` of a layer stack against each layer's `defines:` (JSON Schema
 * property definitions) and fills in the defaults.
 *
 * Stricter than charm-tools on purpose: an option a layer does not define is an error, so a typo
 * (`skip-instal`) fails the build instead of being ignored.
 *
 * @param defines `defines:` per layer name (only layers that define something).
 * @param options merged `options:` per layer name.
 * @throws LayerOptionsError naming the layer and each violation.
 * @example
 * ```ts
 * validateLayerOptions({ basic: { 'install-node': { type: 'boolean', default: true } } }, {});
 * // { basic: { 'install-node': true } }
 * ```
 */
export function validateLayerOptions(defines: Readonly<Record<string, YamlMap>>, options: YamlMap): LayerOptions {
  const undefinedLayers = Object.keys(options).filter((name) => defines[name] === undefined);
  if (undefinedLayers.length > 0) {
    throw new LayerOptionsError(undefinedLayers.join(', '), [
      `options set for layer(s) that define no options: ${undefinedLayers.join(', ')}`,
    ]);
  }
  const ajv = new Ajv({ useDefaults: true, allErrors: true, strict: false });
  const result: LayerOptions = {};
  for (const [layer, properties] of Object.entries(defines)) {
    const given = options[layer] ?? {};
    if (!isMap(given)) throw new LayerOptionsError(layer, [`options.${layer} must be a mapping`]);
    const value = structuredClone(given);
    let validate;
    try {
      validate = ajv.compile({ type: 'object', properties, additionalProperties: false });
    } catch (error) {
      throw new LayerOptionsError(layer, [`defines is not a valid JSON schema: ${(error as Error).message}`]);
    }
    if (!validate(value)) {
      const problems = (validate.errors ?? []).map((e) => {
        const where = `options.${layer}${e.instancePath.replace(/\//g, '.')}`;
        if (e.keyword === 'additionalProperties')
          return `${where}: unknown option '${String(e.params['additionalProperty'])}'`;
        return `${where}: ${e.message ?? 'invalid'}`;
      });
      throw new LayerOptionsError(layer, problems);
    }
    result[layer] = value;
  }
  return result;
}

import { currentHook } from './hook-runtime';
import { LayerOptionError } from './runtime-errors';

/** Reads `options[layer][key]` from merged layer options. Pure. @throws LayerOptionError */
export function readLayerOption<T = unknown>(
  options: Readonly<Record<string, Readonly<Record<string, unknown>>>>,
  layer: string,
  key: string,
): T {
  const section = options[layer];
  if (section === undefined || !(key in section)) {
    throw new LayerOptionError(
      layer,
      key,
      Object.entries(options)
        .flatMap(([l, o]) => Object.keys(o).map((k) => `${l}.${k}`))
        .sort(),
    );
  }
  return section[key] as T;
}

/**
 * A layer option of the built charm (layer.yaml `options`, defaults filled by the build),
 * e.g. `layerOption<boolean>('docker', 'skip-install')`. Usable in any handler.
 *
 * @throws LayerOptionError if the layer does not define it; NoActiveHookError outside a hook.
 */
export function layerOption<T = unknown>(layer: string, key: string): T {
  return readLayerOption<T>(currentHook('layerOption()').layerOptions, layer, key);
}

import { LayerOptionsError } from './errors';
import { validateLayerOptions } from './layer-options';

const defines = {
  basic: {
    'install-node': { type: 'boolean', default: true },
    packages: { type: 'array', items: { type: 'string' }, default: [] },
  },
  docker: { 'skip-install': { type: 'boolean', default: false } },
};

describe('validateLayerOptions', () => {
  it('fills defaults for every defining layer', () => {
    expect(validateLayerOptions(defines, { docker: { 'skip-install': true } })).toEqual({
      basic: { 'install-node': true, packages: [] },
      docker: { 'skip-install': true },
    });
  });

  it('names the layer and the option of a type violation', () => {
    expect(() => validateLayerOptions(defines, { basic: { packages: 'jq' } })).toThrow(LayerOptionsError);
    expect(() => validateLayerOptions(defines, { basic: { packages: 'jq' } })).toThrow(
      /invalid layer options: basic\n {2}options\.basic\.packages: must be array/,
    );
  });

  it('rejects unknown options and layers that define nothing', () => {
    expect(() => validateLayerOptions(defines, { docker: { 'skip-instal': true } })).toThrow(
      /unknown option 'skip-instal'/,
    );
    expect(() => validateLayerOptions(defines, { ghost: {} })).toThrow(/define no options: ghost/);
  });

  it('does not modify the given options', () => {
    const options = { docker: {} };
    validateLayerOptions(defines, options);
    expect(options).toEqual({ docker: {} });
  });
});

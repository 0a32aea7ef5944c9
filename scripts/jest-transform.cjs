// Jest transformer for TypeScript: esbuild's transform, the same compiler that bundles the CLI
// and every built charm, so tests run exactly the decorator semantics (TC39 standard
// decorators) that charms get. It needs neither the TypeScript compiler API nor platform
// packages beyond esbuild's own.
'use strict';
const { createHash } = require('node:crypto');
const { transformSync, version } = require('esbuild');

// The cache key covers this file too, so a change of options here invalidates cached output.
const SELF = require('node:fs').readFileSync(__filename);

const LOADERS = {
  '.ts': 'ts',
  '.tsx': 'tsx',
  '.mts': 'ts',
  '.cts': 'ts',
  '.js': 'js',
  '.jsx': 'jsx',
  '.mjs': 'js',
  '.cjs': 'js',
};

function loaderFor(filename) {
  const dot = filename.lastIndexOf('.');
  return LOADERS[filename.slice(dot)] ?? 'js';
}

module.exports = {
  process(source, filename) {
    const result = transformSync(source, {
      loader: loaderFor(filename),
      format: 'cjs',
      target: 'node20',
      platform: 'node',
      sourcemap: 'inline',
      sourcefile: filename,
      tsconfigRaw: { compilerOptions: { useDefineForClassFields: true } },
      // Jest's module registry loads CommonJS only: `import()` becomes a lazy `require()`, as it
      // does in the esbuild bundles the code ships in.
      supported: { 'dynamic-import': false },
    });
    return { code: result.code };
  },
  getCacheKey(source, filename) {
    return createHash('sha256')
      .update(SELF)
      .update(version)
      .update('\0')
      .update(filename)
      .update('\0')
      .update(source)
      .digest('hex');
  },
};

// Jest resolver of rxcharm's jest preset: `layer:<name>` is `<layer dir>/lib/index.ts` and
// `interface:<name>` is `<interface dir>/index.ts`, the directories found exactly as `rxcharm build`
// finds includes (framework/build/locate-layer.ts); every other request is jest's own resolution.
'use strict';
const { join } = require('node:path');
const build = require('./dist/lib/build');

const searchPaths = new Map();

function searchPathFor(rootDir) {
  let path = searchPaths.get(rootDir);
  if (path === undefined) {
    const base = build.searchPathFromEnv(process.env, build.findPackageRoot(__dirname));
    path = build.withProjectLayers(base, build.findProjectRoot(rootDir));
    searchPaths.set(rootDir, path);
  }
  return path;
}

module.exports = (request, options) => {
  const match = /^(layer|interface):(.+)$/.exec(request);
  if (match === null) return options.defaultResolver(request, options);
  const [, kind, name] = match;
  const searchPath = searchPathFor(options.rootDir ?? options.basedir);
  const dir = build.locateLayer(searchPath, kind, name);
  if (dir === undefined) {
    const searched = kind === 'layer' ? searchPath.layers : searchPath.interfaces;
    throw new Error(
      `${request} not found (imported from ${options.basedir}); searched ${searched.join(', ')} and npm packages declaring "rxcharm": { "${kind}": "${name}" }`,
    );
  }
  return join(dir, kind === 'layer' ? join('lib', 'index.ts') : 'index.ts');
};

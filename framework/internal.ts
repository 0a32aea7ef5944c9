/**
 * What generated bundle entries need from the framework and authors never import: the entry of a
 * built charm calls `run`, a harness bundle exports the registry tools of its own framework copy.
 * Reached only through the bundlers' private `rxcharm:internal` alias (see
 * `framework/build/framework-aliases.ts`); not part of the package's exports.
 */
export { run, runHook, registerBundle, bindEndpoints, parseCharmMetadata } from './runtime';
export { HandlerRegistry } from './reactive';

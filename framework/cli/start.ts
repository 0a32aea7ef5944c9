import { runCliBundle } from './code-cache-loader';

/** The bundle's content hash, defined by `scripts/build-cli.mjs` when it bundles this file. */
declare const RXCHARM_CLI_BUNDLE_HASH: string;

// dist/rxcharm.js: the CLI bundle beside it, compiled with a V8 code cache (code-cache-loader.ts).
runCliBundle(__dirname, RXCHARM_CLI_BUNDLE_HASH, process.argv.slice(2), require);

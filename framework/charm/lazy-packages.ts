import type * as Yaml from 'yaml';
import type Handlebars from 'handlebars';
import type * as PinoPretty from 'pino-pretty';

/*
 * Start-up tuning: packages a hook loads on first use, never at import.
 *
 * The charm build bundles yaml and handlebars into files of their own (`lib/vendor/`, see
 * framework/build's `VENDORED_PACKAGES`), and an import at the top of a module would load them
 * when the bundle starts, in every hook. These are the only requires of the framework: each is
 * a plain `require` so that esbuild still sees the package (and redirects it to `lib/vendor/`),
 * inside a function so that it runs only when called. What each saves a no-op hook is measured
 * in docs/performance.md ("What was removed").
 */

/**
 * The `yaml` package. Saves loading it in hooks that parse no YAML: metadata.yaml and
 * config.yaml come from the parse cache (`.rxcharm/charm-files.json`), compose models from
 * the compose cache.
 */
export function loadYaml(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (start-up tuning, above)
  return require('yaml') as typeof Yaml;
}

/** The `handlebars` package. Saves loading it in hooks that render no template. */
export function loadHandlebars(): typeof Handlebars {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (start-up tuning, above)
  const mod = require('handlebars') as { default?: typeof Handlebars } & typeof Handlebars;
  return mod.default ?? mod;
}

/**
 * `pino-pretty` (human-readable log lines). Saves initialising it and its dependencies in
 * every hook that logs JSON, which every hook under an agent does.
 */
export function loadPinoPretty(): typeof PinoPretty {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (start-up tuning, above)
  return require('pino-pretty') as typeof PinoPretty;
}

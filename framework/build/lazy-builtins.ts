import assert from 'node:assert';
import * as childProcess from 'node:child_process';
import * as crypto from 'node:crypto';
import type { Plugin } from 'esbuild';

/**
 * Node built-ins a built charm loads only when something first uses them. The framework, the
 * layers and packages such as signal-exit (through proper-lockfile) import them at the top of a
 * module, so every hook paid for loading them: `crypto` ~4 ms and `assert` ~3 ms of a no-op
 * `update-status` (assert formats colours, which opens stderr's stream), and such a hook needs
 * neither. `child_process` (with dgram and its socket lists) is needed only for hook tools run as
 * processes and for layer:docker's apt and service commands; under rxcharm's agent the tools go
 * over its socket.
 */
const BUILTINS = {
  crypto: () => crypto as object,
  assert: () => assert as object,
  child_process: () => childProcess as object,
} as const;

/** The built-ins {@link lazyBuiltinsPlugin} defers. */
export type LazyBuiltin = keyof typeof BUILTINS;

export const LAZY_BUILTINS: readonly LazyBuiltin[] = ['crypto', 'assert', 'child_process'];

const NAMESPACE = 'rxcharm-lazy-builtin';

/**
 * The module standing in for built-in `name`: the same export names (read from this Node at
 * build time), each a getter that loads the real module on first use; when the built-in itself is
 * a function (`assert`), a function forwarding to it. Code that reads a member at its top level
 * simply loads the built-in then, as before.
 */
export function lazyBuiltinSource(name: LazyBuiltin): string {
  const real = BUILTINS[name]();
  const keys = Object.keys(real).filter((key) => key !== 'default');
  const load = `const load = () => require(${JSON.stringify(`node:${name}`)});`;
  const head =
    typeof real === 'function'
      ? `${load}\nconst lazy = function (...args) { ${name === 'assert' ? 'if (!new.target && args.length > 0 && args[0]) return undefined; ' : ''}return new.target ? Reflect.construct(load(), args, new.target) : load().apply(this, args); };\nmodule.exports = lazy;`
      : `${load}\nconst lazy = module.exports;`;
  return `${head}
for (const key of ${JSON.stringify(keys)}) {
  Object.defineProperty(lazy, key, { enumerable: true, configurable: true, get: () => load()[key] });
}
${name === 'assert' ? ASSERT_FAST_PATHS : ''}`;
}

/**
 * Passing checks of `assert` need not load it: signal-exit (under proper-lockfile) calls
 * `assert.equal` when the unit lock is first taken, in every hook. Each fast path decides exactly
 * as Node's assert does and hands a failing call to the real function, which throws its usual
 * AssertionError.
 */
const ASSERT_FAST_PATHS = `const passes = {
  ok: (args) => args.length > 0 && Boolean(args[0]),
  equal: (args) => args.length >= 2 && (args[0] == args[1] || (Number.isNaN(args[0]) && Number.isNaN(args[1]))),
  strictEqual: (args) => args.length >= 2 && Object.is(args[0], args[1]),
};
for (const [key, check] of Object.entries(passes)) {
  Object.defineProperty(lazy, key, { enumerable: true, configurable: true, value: function (...args) { if (!check(args)) load()[key].apply(this, args); } });
}
`;

/** esbuild plugin: `crypto`, `node:crypto`, `assert`, ... resolve to {@link lazyBuiltinSource}. */
export function lazyBuiltinsPlugin(names: readonly LazyBuiltin[] = LAZY_BUILTINS): Plugin {
  const filter = new RegExp(`^(node:)?(${names.join('|')})$`);
  return {
    name: 'rxcharm-lazy-builtins',
    setup(b) {
      // Only imports written in code; the stand-in's own require of `node:<name>` is external.
      b.onResolve({ filter }, (args) =>
        args.namespace === NAMESPACE
          ? { path: args.path, external: true }
          : { path: args.path.replace(/^node:/, ''), namespace: NAMESPACE },
      );
      b.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
        contents: lazyBuiltinSource(args.path as LazyBuiltin),
        loader: 'js',
      }));
    },
  };
}

// Node 20 defines Symbol.dispose/asyncDispose on its main realm only; jest runs tests in a vm
// realm without them. Define them there as the registered symbols esbuild's `using` helpers fall
// back to, so `using`/`await using` and `[Symbol.asyncDispose]()` methods agree inside tests.
'use strict';
for (const name of ['dispose', 'asyncDispose']) {
  if (typeof Symbol[name] !== 'symbol') {
    Object.defineProperty(Symbol, name, {
      value: Symbol.for(`Symbol.${name}`),
      configurable: false,
      enumerable: false,
      writable: false,
    });
  }
}

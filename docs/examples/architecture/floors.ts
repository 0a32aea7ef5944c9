// The floors of framework/ and what each may import (besides itself, Node built-ins and npm
// packages), lowest first. test/unit/architecture/import-order.test.ts fails on any import that
// is not listed here; change this table and docs/architecture.md together.
// #region floors
export const FLOORS = {
  errors: [], //                 RxcharmError and its guard
  charm: ['errors'], //          ground floor: charm dir layout, charm-file reader, tool protocol, atomic writes, interfaces
  hookenv: ['errors', 'charm'], // hook context, hook-tool client, config, logging
  unit: ['errors', 'charm'], //  unit state store, flag set, lock
  templating: ['errors', 'charm'], // strict handlebars, YAML-safe values
  docker: ['errors', 'charm'], // compose model, plan/execute, Docker client
  reactive: ['errors', 'charm', 'unit'], // handlers, conditions, dispatcher, trace
  endpoints: ['errors', 'charm', 'hookenv', 'unit', 'reactive'], // Endpoint, relations, data bags
  runtime: ['errors', 'charm', 'hookenv', 'unit', 'docker', 'reactive', 'endpoints'], // Charm, runHook, run (docker: the default client factory)
  rxcharm: ['errors', 'charm', 'hookenv', 'unit', 'templating', 'docker', 'reactive', 'endpoints', 'runtime'], // framework/index.ts
  build: ['errors', 'charm'], // layers, merge, bundle, proof: no runtime state
  agent: ['errors', 'charm', 'build'], // the local agent (builds a layer on deploy)
  testing: ['errors', 'charm', 'hookenv', 'unit', 'docker', 'reactive', 'endpoints', 'runtime', 'build'], // rxcharm/testing
  dev: ['errors', 'charm', 'hookenv', 'unit', 'runtime', 'build', 'agent', 'testing'], // rxcharm dev, ui, snapshot
  cli: ['errors', 'charm', 'hookenv', 'unit', 'docker', 'reactive', 'runtime', 'build', 'agent', 'testing', 'dev', 'package.json'],
} as const satisfies Record<string, readonly string[]>;

// layers/*, interfaces/* and charms/* import only these (and their own files, Node built-ins
// and npm packages): a charm sees the framework through its public entry points.
export const CHARM_CODE_IMPORTS = ['rxcharm', 'rxcharm/compose', 'rxcharm/testing', 'layer:*', 'interface:*'] as const;
// #endregion floors

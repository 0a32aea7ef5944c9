/**
 * `rxcharm`: everything a charm's reactive code imports at run time.
 *
 * The build, agent and CLI folders are tools, not runtime, and are deliberately absent here.
 */
export * from './errors';
export * from './reactive';
export * from './unit';
export * from './hookenv';
export * from './endpoints';
export * from './runtime';
export * from './templating';
export * from './docker';

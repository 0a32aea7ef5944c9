/**
 * The values templates/haproxy.cfg is rendered with: one HTTP frontend on the configured port,
 * one health-checked server per related unit, and the statistics page the charm reads. Pure: the
 * same backends give the same file, so an unchanged set leaves the running proxy untouched.
 */
import type { Backend } from './backends';

/** The backend section's name in templates/haproxy.cfg, as the statistics page reports it. */
export const BACKEND_NAME = 'backends';

/** Everything the configuration depends on. */
export interface HaproxyConfigInput {
  /** The port HAProxy listens on inside its container (published on the same host port). */
  readonly port: number;
  /** Seconds between two health checks of one backend. */
  readonly checkInterval: number;
  /** Validated by `selectBackends`: nothing here can change the file's meaning. */
  readonly backends: readonly Backend[];
}

/** The template context of templates/haproxy.cfg. */
export type HaproxyContext = {
  readonly port: number;
  readonly checkInterval: number;
  readonly servers: ReadonlyArray<{ readonly name: string; readonly address: string }>;
};

/** Builds the template context; an IPv6 address is bracketed as HAProxy reads it. */
export function haproxyContext(input: HaproxyConfigInput): HaproxyContext {
  return {
    port: input.port,
    checkInterval: input.checkInterval,
    servers: input.backends.map((b) => ({
      name: b.name,
      address: `${b.host.includes(':') ? `[${b.host}]` : b.host}:${b.port}`,
    })),
  };
}

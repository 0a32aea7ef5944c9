import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';

/** Default model dir, relative to the current directory. */
export const DEFAULT_MODEL_DIR = '.rxcharm/model';

/** The agent's settings that come from the environment, read once. */
export interface AgentSettings {
  /** Absolute model dir: `--model`, else `RXCHARM_MODEL`, else `./.rxcharm/model`. */
  readonly modelDir: string;
  /** Address units report (`unit-get`, `network-get`): `RXCHARM_UNIT_ADDRESS`, else docker0's, else 127.0.0.1. */
  readonly address: string;
  /** False when `RXCHARM_AGENT_SERIAL=1`: one hook at a time across the model. */
  readonly parallel: boolean;
  /** `PATH` the hooks get after the tool shims. */
  readonly basePath: string;
}

/**
 * The address a unit reports: the Docker bridge gateway when there is one (containers reach the
 * host's published ports there), else loopback.
 */
export function defaultUnitAddress(interfaces = networkInterfaces()): string {
  const docker = (interfaces.docker0 ?? []).find((i) => i.family === 'IPv4');
  return docker?.address ?? '127.0.0.1';
}

/** Reads the agent's settings from an environment object (the only reader of `process.env` here). */
export function agentSettingsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  options: { modelDir?: string; cwd?: string } = {},
): AgentSettings {
  const cwd = options.cwd ?? process.cwd();
  const modelDir = resolve(cwd, options.modelDir ?? env.RXCHARM_MODEL ?? DEFAULT_MODEL_DIR);
  return {
    modelDir,
    address: env.RXCHARM_UNIT_ADDRESS || defaultUnitAddress(),
    parallel: env.RXCHARM_AGENT_SERIAL !== '1',
    basePath: env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
  };
}

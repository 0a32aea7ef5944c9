import { DEFAULT_MODEL_DIR } from '../charm';
import { resolve } from 'node:path';
import { pickUnitAddress, readHostAddresses, type HostAddress } from './host-address';

/** The agent's settings that come from the environment, read once. */
export interface AgentSettings {
  /** Absolute model dir: `--model`, else `RXCHARM_MODEL`, else `./.rxcharm/model`. */
  readonly modelDir: string;
  /**
   * Address units report (`unit-get`, `network-get`): `RXCHARM_UNIT_ADDRESS`, else docker0's
   * (even when down), else a stable global host address, else 127.0.0.1 (see `pickUnitAddress`).
   * Looked up on first read, once per settings object (so once per agent command).
   */
  readonly address: string;
  /**
   * Give each unit its own address on a bridge the agent owns (see `UnitNetwork`): true unless
   * `RXCHARM_UNIT_ADDRESS` is set (every unit then shares it) or `RXCHARM_UNIT_NETWORK=0`.
   */
  readonly unitNetworkEnabled: boolean;
  /** False when `RXCHARM_AGENT_SERIAL=1`: one hook at a time across the model. */
  readonly parallel: boolean;
  /** `PATH` the hooks get after the tool shims. */
  readonly basePath: string;
  /**
   * Offer hooks the hook-tool socket transport (`RXCHARM_HOOK_TOOL_SOCKET=1` in their
   * environment), so a hook sends tool calls itself instead of starting a shim per call. False
   * when `RXCHARM_AGENT_TOOL_SOCKET=0`: every tool call is then a shim process, as under Juju.
   */
  readonly toolSocket: boolean;
}

/**
 * The address a unit reports when `RXCHARM_UNIT_ADDRESS` is not set: one that containers on any
 * network of this Docker host can reach the host on (see {@link pickUnitAddress}).
 */
export function defaultUnitAddress(addresses: readonly HostAddress[] = readHostAddresses()): string {
  return pickUnitAddress(addresses);
}

/** Reads the agent's settings from an environment object (the only reader of `process.env` here). */
export function agentSettingsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  options: { modelDir?: string; cwd?: string } = {},
): AgentSettings {
  const cwd = options.cwd ?? process.cwd();
  const modelDir = resolve(cwd, options.modelDir ?? env.RXCHARM_MODEL ?? DEFAULT_MODEL_DIR);
  const fixed = env.RXCHARM_UNIT_ADDRESS;
  let address: string | undefined = fixed === undefined || fixed === '' ? undefined : fixed;
  return {
    modelDir,
    // Looked up on first read only: callers that never need it (model-dir lookups) spawn nothing.
    get address(): string {
      address ??= defaultUnitAddress();
      return address;
    },
    unitNetworkEnabled: fixed === undefined || fixed === '' ? env.RXCHARM_UNIT_NETWORK !== '0' : false,
    parallel: env.RXCHARM_AGENT_SERIAL !== '1',
    basePath: env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    toolSocket: env.RXCHARM_AGENT_TOOL_SOCKET !== '0',
  };
}

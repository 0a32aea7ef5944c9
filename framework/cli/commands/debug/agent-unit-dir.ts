import { join } from 'node:path';
import { agentSettingsFromEnv, ModelStore } from '../../../agent';
import { CliError } from '../../cli-error';

/**
 * The charm directory of `unit` in the local agent's model (`--model`, `$RXCHARM_MODEL`, or
 * `./.rxcharm/model`): where its unit state and hook traces live. Reads the model; changes nothing.
 *
 * @throws CliError (exit 2) when the model does not exist or has no such unit, listing the units it has.
 */
export function agentUnitCharmDir(
  unit: string,
  model: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): string {
  const settings = agentSettingsFromEnv(env, model === undefined ? {} : { modelDir: model });
  const store = new ModelStore(settings.modelDir);
  if (!store.exists())
    throw new CliError(
      `unit ${unit}: no local model at ${settings.modelDir}\ndeploy something first (rxcharm deploy), or pass --model DIR`,
      2,
    );
  const data = store.load();
  const units = Object.values(data.applications).flatMap((a) => Object.values(a.units));
  const found = units.find((u) => u.name === unit);
  if (found === undefined) {
    const known = units.map((u) => u.name).sort();
    throw new CliError(
      `unit ${unit}: not in the model at ${settings.modelDir} (units: ${known.join(', ') || 'none'})`,
      2,
    );
  }
  return join(settings.modelDir, found.charmDir);
}

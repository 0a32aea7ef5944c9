import { CharmFileError } from './charm-file-error';
import { isYamlMap, parseYamlMapText, type YamlMap } from './yaml-map';

/** One action of actions.yaml: its JSON-schema parameters. */
export interface ActionSpec {
  readonly description?: string;
  /** Parameter name → its JSON schema (as written). */
  readonly params: Readonly<Record<string, unknown>>;
  readonly required: readonly string[];
}

/** actions.yaml: action name → spec. */
export type ActionsSchema = Readonly<Record<string, ActionSpec>>;

/** Juju's rule for action names (juju/charm `actions.go`). */
const ACTION_NAME = /^[a-z](?:[a-z-]*[a-z])?$/;

/**
 * Parses actions.yaml text with Juju's rules: action names are lowercase letters and dashes,
 * starting and ending with a letter; an action is empty or a map whose `params` is a map and
 * whose `required` is a list of parameter names. An absent or empty file means no actions.
 *
 * @throws CharmFileError naming the file and the action (and key).
 */
export function parseActionsSchema(text: string, file = 'actions.yaml'): ActionsSchema {
  return actionsSchemaFrom(parseYamlMapText(text, file), file);
}

/** {@link parseActionsSchema} on an already parsed document. Pure. */
export function actionsSchemaFrom(doc: YamlMap, file = 'actions.yaml'): ActionsSchema {
  const out: Record<string, ActionSpec> = {};
  for (const [name, raw] of Object.entries(doc)) {
    if (!ACTION_NAME.test(name))
      throw new CharmFileError(
        file,
        name,
        'action names are lowercase letters and dashes, starting and ending with a letter',
      );
    const spec = raw ?? {};
    if (!isYamlMap(spec)) throw new CharmFileError(file, name, 'must be a map');
    const params = spec.params ?? {};
    if (!isYamlMap(params))
      throw new CharmFileError(file, `${name}.params`, 'must be a map of parameter name to schema');
    const required = spec.required ?? [];
    if (!Array.isArray(required) || !required.every((r): r is string => typeof r === 'string'))
      throw new CharmFileError(file, `${name}.required`, 'must be a list of parameter names');
    out[name] = {
      ...(typeof spec.description === 'string' ? { description: spec.description } : {}),
      params,
      required,
    };
  }
  return out;
}

import Ajv from 'ajv';
import { parse } from 'yaml';
import { ModelOperationError } from './errors';
import type { CharmAction } from './model/types';

/**
 * Turns `key=value` arguments into action params, as `juju run` does: values are read as YAML
 * scalars, dotted keys nest; then the params are validated against the action's schema
 * (`actions.yaml`), filling defaults.
 *
 * @throws ModelOperationError naming the bad argument or the schema violation.
 */
export function actionParams(
  actionName: string,
  action: CharmAction,
  args: readonly string[],
): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const arg of args) {
    const at = arg.indexOf('=');
    if (at <= 0) throw new ModelOperationError(`invalid action parameter ${JSON.stringify(arg)}: expected key=value`);
    const path = arg.slice(0, at).split('.');
    let value: unknown;
    try {
      value = parse(arg.slice(at + 1));
    } catch {
      value = arg.slice(at + 1);
    }
    let node = params;
    for (const key of path.slice(0, -1)) {
      if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    node[path[path.length - 1]!] = value ?? '';
  }
  const schema = { type: 'object', properties: action.params, required: action.required };
  const ajv = new Ajv({ useDefaults: true, allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  if (!validate(params)) {
    const problems = (validate.errors ?? []).map((e) => `${e.instancePath || '(params)'} ${e.message ?? ''}`.trim());
    throw new ModelOperationError(`invalid params for action ${actionName}:\n  ${problems.join('\n  ')}`, {
      action: actionName,
      problems,
    });
  }
  return params;
}

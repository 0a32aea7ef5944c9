import { defineQueryTool, defineTool } from './define-tool';
import { RELATION_FLAG } from './flag-parser';
import { checkExtraArgs, relationFromFlag, type JujuLogLevel } from './tool-env';
import { ToolRuntimeError, ToolUsageError } from './tool-errors';

/** `unit-get private-address|public-address [--format]`. */
export const unitGet = defineQueryTool(
  'unit-get',
  { usage: 'unit-get [options] <setting>', summary: 'print public-address or private-address' },
  (env, parsed) => {
    const [setting] = parsed.positional;
    if (setting === undefined) throw new ToolUsageError('no setting specified');
    if (setting !== 'private-address' && setting !== 'public-address')
      throw new ToolUsageError(`unknown setting ${JSON.stringify(setting)}`);
    checkExtraArgs(parsed.positional, 1);
    return env.address;
  },
);

const NETWORK_FLAGS = ['bind-address', 'ingress-address', 'egress-subnets', 'primary-address'] as const;

/** `network-get <binding> [-r ID] [--bind-address] [--ingress-address] [--egress-subnets] [--format]`. */
export const networkGet = defineQueryTool(
  'network-get',
  {
    usage: 'network-get [options] <binding-name> [--ingress-address] [--bind-address] [--egress-subnets]',
    summary: 'get network config',
    flags: [RELATION_FLAG, ...NETWORK_FLAGS.map((n) => ({ names: [n], kind: 'bool' as const }))],
    maxArgs: 1,
  },
  (env, parsed) => {
    relationFromFlag(env, parsed.flags.r);
    const binding = parsed.positional[0];
    if (binding === undefined) throw new ToolUsageError('no arguments specified');
    const charm = env.model.app(env.exec.app).charm;
    const known = charm.endpoints.some((e) => e.name === binding) || charm.extraBindings.includes(binding);
    if (!known) throw new ToolRuntimeError(`no network config found for binding ${JSON.stringify(binding)}`);
    const cidr =
      env.subnet ??
      (env.address.startsWith('127.') ? '127.0.0.0/8' : `${env.address.split('.').slice(0, 2).join('.')}.0.0/16`);
    const values: Record<(typeof NETWORK_FLAGS)[number], unknown> = {
      'bind-address': env.address,
      'ingress-address': env.address,
      'egress-subnets': [`${env.address}/32`],
      'primary-address': env.address,
    };
    const chosen = NETWORK_FLAGS.filter((n) => parsed.flags[n] === true);
    if (chosen.length === 1) return values[chosen[0]!];
    if (chosen.length > 1) return Object.fromEntries(chosen.map((n) => [n, values[n]]));
    return {
      'bind-addresses': [
        { 'mac-address': '', 'interface-name': '', addresses: [{ hostname: '', value: env.address, cidr }] },
      ],
      'egress-subnets': values['egress-subnets'],
      'ingress-addresses': [env.address],
    };
  },
);

const LEVELS: readonly JujuLogLevel[] = ['TRACE', 'DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL'];

/** `juju-log [-l LEVEL] [--debug] <message...>`. */
export const jujuLog = defineTool(
  'juju-log',
  {
    usage: 'juju-log [options] <message>',
    summary: 'write a message to the juju log',
    flags: [
      { names: ['l', 'log-level'], kind: 'string' },
      { names: ['debug'], kind: 'bool' },
      { names: ['format'], kind: 'string' },
    ],
  },
  (env, parsed) => {
    if (parsed.positional.length === 0) throw new ToolUsageError('no message specified');
    const requested =
      typeof parsed.flags.l === 'string'
        ? parsed.flags.l.toUpperCase()
        : parsed.flags.debug === true
          ? 'DEBUG'
          : 'INFO';
    const valid = LEVELS.includes(requested as JujuLogLevel);
    if (!valid) env.log('WARNING', `Specified log level (${String(parsed.flags.l)}) is not valid`);
    const level = valid ? (requested as JujuLogLevel) : 'INFO';
    const id = env.exec.relationId;
    const relation = id === undefined ? undefined : env.model.findRelation(id);
    const prefix =
      relation === undefined ? '' : `${env.model.localEndpoint(relation, env.exec.app).endpoint}:${relation.id}: `;
    env.log(level, `${prefix}${parsed.positional.join(' ')}`);
    return {};
  },
);

/** `application-version-set <version>` — shown by `status`, applied at once. */
export const applicationVersionSet = defineTool(
  'application-version-set',
  {
    usage: 'application-version-set <new-version>',
    summary: 'specify which version of the application is deployed',
    flags: [],
  },
  (env, parsed) => {
    if (parsed.positional.length === 0) throw new ToolUsageError('no version specified');
    checkExtraArgs(parsed.positional, 1);
    env.model.app(env.exec.app).workloadVersion = parsed.positional[0]!;
    env.changed();
    return {};
  },
);

/** `resource-get <name>` — the local agent stores no resources, so every name is not found. */
export const resourceGet = defineTool(
  'resource-get',
  { usage: 'resource-get <resource name>', summary: 'get the path to the locally cached resource file', flags: [] },
  (env, parsed) => {
    const [name] = parsed.positional;
    if (name === undefined) throw new ToolUsageError('missing required resource name');
    checkExtraArgs(parsed.positional, 1);
    throw new ToolRuntimeError(`could not download resource: resource#${env.exec.app}/${name} not found`);
  },
);

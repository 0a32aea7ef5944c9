import { spawnSync } from 'node:child_process';
import { parse } from 'yaml';
import { relate } from '../model/relation-ops';
import { testEnv, testExec, testModel } from '../internal/test-model';
import { HookExecution } from './hook-execution';
import { formatOutput } from './output-format';
import { runTool } from './run-tool';

/** Values that trip naive YAML writers or YAML 1.1 readers. */
const AWKWARD: ReadonlyArray<[string, unknown]> = [
  ['multi-line', 'line one\nline two'],
  ['multi-line, final newline', 'a: 1\nb: 2\n'],
  ['multi-line, blank lines kept', 'x\n\n\n'],
  ['multi-line, leading space', '  indented\nnext'],
  ['multi-line, leading newline', '\nafter'],
  ['yaml document as value', '0:\n  database: foo\n  roles: a,b\n'],
  ['empty', ''],
  ['looks true (1.1)', 'yes'],
  ['looks false (1.1)', 'off'],
  ['single letter bool (1.1)', 'n'],
  ['looks true', 'true'],
  ['looks null', 'null'],
  ['tilde', '~'],
  ['number', '1.5'],
  ['octal-looking', '0755'],
  ['hex-looking', '0x1F'],
  ['exponent', '1e3'],
  ['colon space', 'key: value'],
  ['hash', '#not a comment'],
  ['dash', '- item'],
  ['leading space', ' x'],
  ['trailing space', 'x '],
  ['quotes', `it's "quoted"`],
  ['unicode', 'héllo ✓'],
  ['tab', 'a\tb'],
  ['boolean', true],
  ['integer', 42],
  ['nested map', { 'key.with.dots': 'v', empty: '', deep: { list: ['a', 'yes', ''], flag: false } }],
  ['empty map', {}],
  ['list', ['one', 'two\nlines', '']],
];

/** PyYAML, when this machine has it: the parser Python charms run on our output. */
const pyyaml = spawnSync('python3', ['-c', 'import yaml'], { encoding: 'utf8' }).status === 0;

/** Outputs checked with PyYAML at the end, in one process: [yaml text, expected value]. */
const forPyYaml: Array<[string, unknown]> = [];

/** Parses every text with PyYAML (null for empty output). */
function pyParseAll(texts: readonly string[]): unknown[] {
  const script = 'import sys, json, yaml; print(json.dumps([yaml.safe_load(t) for t in json.load(sys.stdin)]))';
  const result = spawnSync('python3', ['-c', script], { input: JSON.stringify(texts), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`PyYAML rejected an output:\n${result.stderr}`);
  return JSON.parse(result.stdout) as unknown[];
}

describe('formatOutput yaml reads back as the json answer', () => {
  it.each(AWKWARD)('%s', (_, value) => {
    const json: unknown = JSON.parse(formatOutput(value, 'json'));
    const yamlText = formatOutput(value, 'yaml');
    expect(parse(yamlText, { version: '1.1' })).toEqual(json);
    expect(parse(yamlText, { version: '1.2' })).toEqual(json);
    forPyYaml.push([yamlText, json]);
  });

  it('indents a top-level multi-line string as goyaml does', () => {
    expect(formatOutput('a\nb', 'yaml')).toBe('|-\n  a\n  b\n');
    expect(formatOutput('a\nb\n', 'yaml')).toBe('|\n  a\n  b\n');
    expect(formatOutput(' a\nb', 'yaml')).toBe('|2-\n   a\n  b\n');
  });

  it('writes maps with sorted keys and list items at their key', () => {
    expect(formatOutput({ b: ['x', 'y'], a: { 'c.d': '' } }, 'yaml')).toBe('a:\n  c.d: ""\nb:\n- x\n- "y"\n');
  });

  it('prints smart output as jujuc: strings raw, booleans True/False, maps as yaml', () => {
    expect(formatOutput('a\nb', 'smart')).toBe('a\nb\n');
    expect(formatOutput(false, 'smart')).toBe('False\n');
    expect(formatOutput('', 'smart')).toBe('');
    expect(formatOutput(null, 'smart')).toBe('');
    expect(formatOutput({ k: 'yes' }, 'smart')).toBe('k: "yes"\n');
  });
});

describe('every tool that takes --format answers yaml that reads back as its json', () => {
  const model = testModel();
  const relation = relate(model, { app: 'client' }, { app: 'app' });
  const bag: Record<string, string> = {};
  AWKWARD.forEach(([, value], i) => {
    if (typeof value === 'string') bag[`k${i}.dotted`] = value;
  });
  relation.unitData['client/0'] = bag;
  relation.appData.client = bag;
  relation.scope['app/0'] = ['client/0'];
  model.app('app').leaderData = { ...bag };
  model.app('app').config = { greeting: 'line one\nline two', port: 1 };
  model.setUnitStatus(model.unit('app/0'), 'blocked', 'waiting for:\n- yes\n- "db"');
  const exec = testExec('app/0', 'db-relation-changed', {
    id: relation.id,
    remoteUnit: 'client/0',
    remoteApp: 'client',
  });
  const action = new HookExecution('ctx-action', 'app/0', 'app', 'echo', null, {
    name: 'echo',
    params: { text: 'a\nb', nested: { 'x.y': 'on', n: '' }, count: 3, ok: true },
    results: {},
    failed: false,
    failMessage: '',
  });
  const calls: ReadonlyArray<[HookExecution, string, string[]]> = [
    [exec, 'config-get', []],
    [exec, 'config-get', ['greeting']],
    [exec, 'leader-get', []],
    ...Object.keys(bag).map((k): [HookExecution, string, string[]] => [exec, 'leader-get', [k]]),
    [exec, 'relation-get', ['-', 'client/0']],
    [exec, 'relation-get', ['--app', '-', 'client']],
    ...Object.keys(bag).map((k): [HookExecution, string, string[]] => [exec, 'relation-get', [k, 'client/0']]),
    [exec, 'relation-ids', ['db']],
    [exec, 'relation-list', []],
    [exec, 'relation-list', ['--app']],
    [exec, 'is-leader', []],
    [exec, 'unit-get', ['private-address']],
    [exec, 'network-get', ['db']],
    [exec, 'network-get', ['db', '--ingress-address', '--egress-subnets']],
    [exec, 'opened-ports', []],
    [exec, 'status-get', ['--include-data']],
    [exec, 'status-get', ['--application']],
    [action, 'action-get', []],
    [action, 'action-get', ['nested']],
    [action, 'action-get', ['text']],
  ];
  it.each(calls.map(([e, tool, args]) => [`${tool} ${args.join(' ')}`, e, tool, args] as const))(
    '%s',
    (_, e, tool, args) => {
      const env = testEnv(model, e);
      const json = runTool(env, tool, [...args, '--format=json']);
      const yamlOut = runTool(env, tool, [...args, '--format=yaml']);
      expect(json.code).toBe(0);
      expect(yamlOut.code).toBe(0);
      const expected: unknown = JSON.parse(json.stdout ?? '');
      const text = yamlOut.stdout ?? '';
      expect(text === '' ? null : parse(text, { version: '1.1' })).toEqual(expected);
      forPyYaml.push([text, expected]);
    },
  );
});

// PyYAML is the parser Python charms (ops-lib-pgsql's leader-get --format=yaml) run on our output.
(pyyaml ? it : it.skip)('PyYAML reads every yaml output above as its json answer', () => {
  expect(forPyYaml.length).toBeGreaterThan(50);
  const parsed = pyParseAll(forPyYaml.map(([text]) => text));
  forPyYaml.forEach(([text, expected], i) => expect({ text, value: parsed[i] }).toEqual({ text, value: expected }));
});

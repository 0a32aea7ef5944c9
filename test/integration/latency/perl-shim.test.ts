/**
 * The Perl hook-tool shim (what the agent writes where perl-base is, i.e. every Debian and
 * Ubuntu machine) must answer exactly as the Node shim does: same exit code, stdout and stderr,
 * call by call, for odd text (quotes, backslashes, control characters, non-ASCII, astral
 * characters), stdin read lazily, and large values.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOOK_TOOL_NAMES, HookToolServer, runTool, writeToolShims, type ToolRequest } from '../../../framework/agent';
import { testEnv, testExec, testModel } from '../../../framework/agent/internal/test-model';
import { relate } from '../../../framework/agent/model/relation-ops';
import { spawnToolRunner, type ToolResult } from '../../../framework/hookenv';

type Call = readonly [tool: string, args: readonly string[], stdin?: string];

const ODD = 'quote " backslash \\ tab \t newline \n bell \u0007 é ü 中文 😀 $(shell) `x`';
const BIG = 'x'.repeat(300_000) + 'é';

const CALLS: readonly Call[] = [
  ['config-get', ['--all', '--format=json']],
  ['is-leader', []],
  ['relation-set', ['-r', 'db:0', `note=${ODD}`]],
  ['relation-get', ['--format=json', '-r', 'db:0', '-', 'app/0']],
  ['relation-get', ['-r', 'db:0', 'note', 'app/0']],
  ['relation-set', ['-r', 'db:0', '--file', '-'], JSON.stringify({ big: BIG, odd: ODD })],
  ['relation-get', ['-r', 'db:0', 'big', 'app/0']],
  ['status-set', ['blocked', '--', ODD]],
  ['status-get', ['--format=yaml', '--include-data']],
  ['juju-log', ['--', ODD]],
  ['status-set', ['sleeping']],
  ['relation-list', ['-r', 'db:99']],
  ['config-get', ['--no-such-flag']],
  ['goal-state', ['--format=json']],
];

describe('Perl hook-tool shim', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rxcharm-perlshim-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function answers(interpreter: 'perl' | 'node'): Promise<ToolResult[]> {
    const bin = writeToolShims(join(dir, `bin-${interpreter}`), HOOK_TOOL_NAMES, process.execPath, interpreter);
    const model = testModel();
    const relation = relate(model, { app: 'app' }, { app: 'client' });
    const exec = testExec('app/0', 'db-relation-changed', {
      id: relation.id,
      remoteUnit: 'client/0',
      remoteApp: 'client',
    });
    const handle = (request: ToolRequest) =>
      runTool(
        testEnv(model, exec, request.stdin === undefined ? {} : { stdin: request.stdin }),
        request.command,
        request.args,
      );
    const server = await HookToolServer.start(join(dir, `${interpreter}.sock`), handle);
    try {
      const env = {
        PATH: `${bin}:/usr/bin:/bin`,
        JUJU_AGENT_SOCKET_ADDRESS: server.socketPath,
        JUJU_CONTEXT_ID: exec.contextId,
      };
      const run = spawnToolRunner({ env, cwd: dir });
      const out: ToolResult[] = [];
      for (const [tool, args, stdin] of CALLS) out.push(await run(tool, args, stdin));
      return out;
    } finally {
      await server.close();
    }
  }

  it('answers every call exactly as the Node shim does', async () => {
    const node = await answers('node');
    const perl = await answers('perl');
    expect(perl).toEqual(node);
    expect(perl[4]!.stdout).toBe(`${ODD}\n`);
    expect(perl[6]!.stdout).toBe(`${BIG}\n`);
  });
});

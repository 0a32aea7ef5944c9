import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HookToolServer, HOOK_TOOL_NAMES, runTool, writeToolShims } from '../../../framework/agent';
import { testEnv, testModel } from '../../../framework/agent/internal/test-model';
import { relate } from '../../../framework/agent/model/relation-ops';
import { HookExecution } from '../../../framework/agent/tools/hook-execution';

function run(
  bin: string,
  tool: string,
  args: string[],
  env: Record<string, string>,
  stdin?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(join(bin, tool), args, {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

describe('hook-tool shims over the unix socket', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rxcharm-shims-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('pass args, lazy stdin, output and exit codes through verbatim', async () => {
    const bin = writeToolShims(join(dir, 'bin'), HOOK_TOOL_NAMES);
    // Writing again leaves the files alone (idempotent, safe for concurrent agents).
    expect(writeToolShims(join(dir, 'bin'), HOOK_TOOL_NAMES)).toBe(bin);
    const model = testModel();
    const relation = relate(model, { app: 'client' }, { app: 'app' });
    const exec = new HookExecution('ctx-1', 'app/0', 'app', 'db-relation-changed', {
      seq: 1,
      hook: 'db-relation-changed',
      relationId: relation.id,
    });
    const server = await HookToolServer.start(join(dir, 'agent.sock'), (request) =>
      request.contextId === exec.contextId
        ? runTool(
            testEnv(model, exec, request.stdin === undefined ? {} : { stdin: request.stdin }),
            request.command,
            request.args,
          )
        : { code: 1, stdout: '', stderr: 'ERROR bad request: wrong context ID\n' },
    );
    try {
      const env = { JUJU_CONTEXT_ID: 'ctx-1', JUJU_AGENT_SOCKET_ADDRESS: server.socketPath };
      expect(await run(bin, 'config-get', ['port', '--format=json'], env)).toEqual({
        code: 0,
        stdout: '8080\n',
        stderr: '',
      });
      expect(await run(bin, 'relation-set', ['--file', '-'], env, '{"from-stdin": "yes"}')).toEqual({
        code: 0,
        stdout: '',
        stderr: '',
      });
      expect(exec.pending(relation.id).unit).toEqual({ 'from-stdin': 'yes' });
      expect(await run(bin, 'status-set', ['bogus'], env)).toMatchObject({
        code: 2,
        stderr: expect.stringMatching(/^ERROR invalid status "bogus"/),
      });
      expect(await run(bin, 'leader-set', ['x=1'], { ...env, JUJU_CONTEXT_ID: 'ctx-1' })).toMatchObject({ code: 0 });
      expect(await run(bin, 'is-leader', [], { ...env, JUJU_CONTEXT_ID: 'other' })).toEqual({
        code: 1,
        stdout: '',
        stderr: 'ERROR bad request: wrong context ID\n',
      });
      expect(await run(bin, 'is-leader', [], { JUJU_AGENT_SOCKET_ADDRESS: server.socketPath })).toEqual({
        code: 1,
        stdout: '',
        stderr: 'ERROR JUJU_CONTEXT_ID not set\n',
      });
    } finally {
      await server.close();
    }
    const unreachable = await run(bin, 'is-leader', [], {
      JUJU_CONTEXT_ID: 'ctx-1',
      JUJU_AGENT_SOCKET_ADDRESS: join(dir, 'agent.sock'),
    });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toBe(`ERROR cannot reach the agent: connect ENOENT ${join(dir, 'agent.sock')}\n`);
  });
});

// Hook-tool call cost for a charm that calls the tools as processes (a plain `dispatch` script,
// an ops charm): one `is-leader` through the local agent's shim, Perl (what the agent writes
// where perl-base is) and Node, beside `sh -c true` as the floor of any process. Calls are made
// the way such a charm makes them, from a shell inside the hook process: each batch is one `sh`
// running the same command CALLS times, timed from spawn to exit, and a call costs the batch
// over CALLS (spawning `sh` from Node is shared by every case and would hide the difference).
// The agent's tool server runs in this process, as in the agent.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { HOOK_TOOL_NAMES, HookToolServer, runTool, writeToolShims, type ToolRequest } from '../framework/agent';
import { testEnv, testExec, testModel } from '../framework/agent/internal/test-model';
import { median, percentile, round1 } from './lib/stats';

const BATCHES = 15;
const CALLS = 20;

function timeBatch(command: string, env: NodeJS.ProcessEnv): Promise<number> {
  const script = `i=0; while [ $i -lt ${CALLS} ]; do ${command} >/dev/null || exit 1; i=$((i+1)); done`;
  return new Promise((done, fail) => {
    const t0 = performance.now();
    const child = spawn('sh', ['-c', script], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0 ? done((performance.now() - t0) / CALLS) : fail(new Error(`${command} exited ${code}: ${stderr}`)),
    );
  });
}

async function series(command: string, env: NodeJS.ProcessEnv) {
  const perCall: number[] = [];
  for (let i = 0; i < BATCHES; i++) perCall.push(await timeBatch(command, env));
  return {
    runs: BATCHES * CALLS,
    median_ms: round1(median(perCall)),
    p90_ms: round1(percentile(perCall, 90)),
  };
}

/** One line per way of running a call, and the shim's cost over `sh -c true`. */
export async function run(): Promise<Array<{ bench: string } & Record<string, unknown>>> {
  const dir = mkdtempSync(join(tmpdir(), 'rxcharm-bench-tool-'));
  const model = testModel();
  const exec = testExec('app/0', 'update-status');
  const server = await HookToolServer.start(join(dir, 'agent.sock'), (request: ToolRequest) =>
    runTool(testEnv(model, exec), request.command, request.args),
  );
  try {
    const env = {
      PATH: '/usr/bin:/bin',
      JUJU_AGENT_SOCKET_ADDRESS: server.socketPath,
      JUJU_CONTEXT_ID: exec.contextId,
    };
    const floor = await series("sh -c 'true'", env);
    const records: Array<{ bench: string } & Record<string, unknown>> = [
      { bench: 'tool-call', case: 'sh -c true', ...floor },
    ];
    for (const interpreter of ['perl', 'node'] as const) {
      const bin = writeToolShims(join(dir, interpreter), HOOK_TOOL_NAMES, process.execPath, interpreter);
      const timed = await series(`${join(bin, 'is-leader')} --format=json`, env);
      records.push({
        bench: 'tool-call',
        case: `is-leader via the ${interpreter} shim`,
        ...timed,
        over_sh_ms: round1(timed.median_ms - floor.median_ms),
        ratio_to_sh: round1(timed.median_ms / floor.median_ms),
      });
    }
    return records;
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

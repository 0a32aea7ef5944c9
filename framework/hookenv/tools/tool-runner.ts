import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/** Outcome of one tool process. `exitCode` -1 means it could not be started. */
export interface ToolResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs one hook tool with an argument array and optional stdin. The seam between the typed
 * client and processes: tests pass a function, production uses {@link spawnToolRunner}.
 */
export type ToolRunner = (tool: string, args: readonly string[], stdin?: string) => Promise<ToolResult>;

/**
 * A {@link ToolRunner} that spawns the executable found on `env.PATH` with no shell, in `cwd`
 * (Juju tools resolve relative paths against the charm dir).
 */
export function spawnToolRunner(options: {
  env: Readonly<Record<string, string | undefined>>;
  cwd?: string;
}): ToolRunner {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(options.env)) if (v !== undefined) env[k] = v;
  return (tool, args, stdin) =>
    new Promise<ToolResult>((resolve) => {
      let child: ChildProcessWithoutNullStreams;
      try {
        child = spawn(tool, [...args], { env, cwd: options.cwd, shell: false, stdio: ['pipe', 'pipe', 'pipe'] });
      } catch (e) {
        // spawn throws synchronously for arguments it cannot pass (a NUL byte in a status message
        // or a relation value): report it like a tool that could not start, so the caller gets a
        // typed HookToolError naming the tool instead of a bare TypeError.
        resolve({
          exitCode: -1,
          stdout: '',
          stderr: `ERROR cannot run ${tool}: ${e instanceof Error ? e.message : String(e)}`,
        });
        return;
      }
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      let spawnError: Error | undefined;
      child.stdout.on('data', (b: Buffer) => out.push(b));
      child.stderr.on('data', (b: Buffer) => err.push(b));
      child.on('error', (e) => {
        spawnError = e;
      });
      child.stdin.on('error', () => {
        // The tool may exit before reading stdin (usage error); its exit code says what happened.
      });
      child.on('close', (code, signal) => {
        if (spawnError !== undefined) {
          resolve({ exitCode: -1, stdout: '', stderr: `ERROR cannot run ${tool}: ${spawnError.message}` });
          return;
        }
        const stderr = Buffer.concat(err).toString('utf8');
        resolve({
          exitCode: code ?? 1,
          stdout: Buffer.concat(out).toString('utf8'),
          stderr: signal !== null ? `${stderr}ERROR killed by ${signal}` : stderr,
        });
      });
      child.stdin.end(stdin ?? '');
    });
}

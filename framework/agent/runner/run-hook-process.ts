import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { join } from 'node:path';

/** How a hook process ended. */
export interface HookProcessResult {
  /** `ok` exit 0, `skipped` no file to run (Juju skips a missing hook), `failed` otherwise. */
  readonly outcome: 'ok' | 'skipped' | 'failed';
  readonly exitCode: number | null;
  readonly signal: string | null;
  /** Why it failed without running, if so (not executable, no metadata.yaml...). */
  readonly reason?: string;
  readonly stdout: string;
  readonly stderr: string;
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs a hook the way Juju's runner does (reference C.2): `<charm>/dispatch` when present, else
 * `<charm>/<hooks|actions>/<name>`; a missing file is skipped; a file that is not executable
 * fails; no shell, no arguments, no stdin; cwd = charm dir; exactly `env`.
 */
export function runHookProcess(options: {
  readonly charmDir: string;
  readonly dispatchPath: string;
  readonly env: Record<string, string>;
  readonly onStdout?: (text: string) => void;
  readonly onStderr?: (text: string) => void;
}): Promise<HookProcessResult> {
  const { charmDir } = options;
  const none = { exitCode: null, signal: null, stdout: '', stderr: '' };
  if (!existsSync(join(charmDir, 'metadata.yaml'))) {
    return Promise.resolve({ outcome: 'failed', ...none, reason: 'charm missing from disk' });
  }
  const dispatch = join(charmDir, 'dispatch');
  let file = dispatch;
  if (!existsSync(dispatch)) {
    file = join(charmDir, options.dispatchPath);
    if (!existsSync(file)) return Promise.resolve({ outcome: 'skipped', ...none });
  }
  if (!executable(file)) return Promise.resolve({ outcome: 'failed', ...none, reason: `${file} is not executable` });
  return new Promise((resolve) => {
    const child = spawn(file, [], { cwd: charmDir, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      options.onStdout?.(chunk);
    });
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      options.onStderr?.(chunk);
    });
    child.on('error', (error) =>
      resolve({ outcome: 'failed', exitCode: null, signal: null, reason: error.message, stdout, stderr }),
    );
    child.on('close', (code, signal) =>
      resolve({ outcome: code === 0 ? 'ok' : 'failed', exitCode: code, signal: signal ?? null, stdout, stderr }),
    );
  });
}

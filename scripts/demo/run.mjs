/**
 * Runs programs for the demo: always without a shell (arguments are passed as a vector) and with
 * the demo's environment. `run` captures output; `runShown` streams it indented as it comes.
 */
import { spawn } from 'node:child_process';

/** A command that exited non-zero (or could not start). */
export class CommandError extends Error {
  constructor(command, code, output) {
    super(
      `${command.join(' ')} exited with ${code}${output.trim() ? `:\n${output.trim().split('\n').slice(-15).join('\n')}` : ''}`,
    );
    this.name = 'CommandError';
    this.code = code;
    this.output = output;
  }
}

function start(command, options) {
  return spawn(command[0], command.slice(1), {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs `command`; resolves with `{ code, stdout, stderr }` (never rejects unless `check`). */
export function run(command, options = {}) {
  return new Promise((resolve, reject) => {
    const child = start(command, options);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', (e) => resolve({ code: 127, stdout, stderr: `${stderr}${e.message}` }));
    child.on('close', (code) => {
      const result = { code: code ?? 1, stdout, stderr };
      if (options.check && result.code !== 0) reject(new CommandError(command, result.code, stdout + stderr));
      else resolve(result);
    });
  });
}

/** Runs `command`, printing each output line indented (through `print`); rejects on failure. */
export function runShown(command, print, options = {}) {
  return new Promise((resolve, reject) => {
    const child = start(command, options);
    let output = '';
    let pending = '';
    const onData = (chunk) => {
      output += chunk;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) print(line);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (e) => reject(new CommandError(command, 127, e.message)));
    child.on('close', (code) => {
      if (pending !== '') print(pending);
      if (code === 0) resolve(output);
      else reject(new CommandError(command, code ?? 1, output));
    });
  });
}

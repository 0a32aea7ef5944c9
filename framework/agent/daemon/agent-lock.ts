import { linkSync, mkdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AgentRunningError } from './daemon-errors';

/** Name of the running agent's pid file inside the model dir. */
export const AGENT_PID_FILE = 'agent.pid';

/** True when a process with that pid exists (ours or another user's). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid of the agent running for a model, if its pid file names a live process. */
export function runningAgentPid(modelDir: string, alive: (pid: number) => boolean = processAlive): number | undefined {
  const pid = readPid(join(resolve(modelDir), AGENT_PID_FILE));
  return pid !== undefined && alive(pid) ? pid : undefined;
}

/** A held agent lock; `release` removes the pid file if it is still ours. */
export interface AgentLock {
  readonly path: string;
  readonly pid: number;
  release(): void;
}

/**
 * Takes the model's agent lock: `<model>/agent.pid` holding our pid, created atomically (a
 * complete temporary file hard-linked into place, so nobody reads a half-written pid). A pid
 * file naming a dead process is stale and taken over.
 *
 * @throws AgentRunningError naming the pid of the agent that holds it.
 */
export function acquireAgentLock(
  modelDir: string,
  options: { pid?: number; alive?: (pid: number) => boolean } = {},
): AgentLock {
  const dir = resolve(modelDir);
  const pid = options.pid ?? process.pid;
  const alive = options.alive ?? processAlive;
  const path = join(dir, AGENT_PID_FILE);
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `${AGENT_PID_FILE}.${pid}.tmp`);
  writeFileSync(temp, `${pid}\n`);
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        linkSync(temp, path);
        return { path, pid, release: () => releaseIfOurs(path, pid) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readPid(path);
      if (holder !== undefined && holder !== pid && alive(holder)) throw new AgentRunningError(dir, holder);
      takeOverStale(dir, path, holder);
    }
    throw new AgentRunningError(dir, readPid(path) ?? 0);
  } finally {
    rmSync(temp, { force: true });
  }
}

/**
 * Removes a stale pid file. Two agents starting at once may both find it stale: a guard file
 * created exclusively lets one of them remove it, so neither removes the other's fresh lock.
 */
function takeOverStale(dir: string, path: string, stalePid: number | undefined): void {
  const guard = join(dir, `${AGENT_PID_FILE}.takeover`);
  try {
    writeFileSync(guard, `${process.pid}\n`, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // A guard older than a few seconds was left by a taker that died mid-way.
    if (Date.now() - statSync(guard, { throwIfNoEntry: false })!.mtimeMs > 5_000) rmSync(guard, { force: true });
    return;
  }
  try {
    if (readPid(path) === stalePid) unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  } finally {
    rmSync(guard, { force: true });
  }
}

function releaseIfOurs(path: string, pid: number): void {
  if (readPid(path) === pid) rmSync(path, { force: true });
}

function readPid(path: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

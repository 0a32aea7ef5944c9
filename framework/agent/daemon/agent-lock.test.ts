import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireAgentLock, processAlive, runningAgentPid } from './agent-lock';
import { AgentRunningError } from './daemon-errors';

describe('agent lock', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rxcharm-agent-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const live = new Set<number>([1001, 1002]);
  const alive = (pid: number) => live.has(pid);

  it('writes the pid, refuses a second agent naming the first one’s pid, and releases', () => {
    const lock = acquireAgentLock(dir, { pid: 1001, alive });
    expect(readFileSync(join(dir, 'agent.pid'), 'utf8')).toBe('1001\n');
    expect(runningAgentPid(dir, alive)).toBe(1001);
    let refused: unknown;
    try {
      acquireAgentLock(dir, { pid: 1002, alive });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(AgentRunningError);
    expect((refused as Error).message).toBe(`an agent is already running for model ${dir} (pid 1001)`);
    expect(readFileSync(join(dir, 'agent.pid'), 'utf8')).toBe('1001\n');
    lock.release();
    expect(existsSync(join(dir, 'agent.pid'))).toBe(false);
    expect(runningAgentPid(dir, alive)).toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('takes over a lock left by a dead pid, or an unreadable one', () => {
    writeFileSync(join(dir, 'agent.pid'), '999\n');
    expect(runningAgentPid(dir, alive)).toBeUndefined();
    const lock = acquireAgentLock(dir, { pid: 1002, alive });
    expect(readFileSync(join(dir, 'agent.pid'), 'utf8')).toBe('1002\n');
    lock.release();
    writeFileSync(join(dir, 'agent.pid'), 'garbage');
    acquireAgentLock(dir, { pid: 1001, alive }).release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('release leaves a lock that is no longer ours alone', () => {
    const lock = acquireAgentLock(dir, { pid: 1001, alive });
    writeFileSync(join(dir, 'agent.pid'), '1002\n');
    lock.release();
    expect(readFileSync(join(dir, 'agent.pid'), 'utf8')).toBe('1002\n');
  });

  it('knows live and dead processes', () => {
    expect(processAlive(process.pid)).toBe(true);
    expect(processAlive(2 ** 22 + 12345)).toBe(false);
  });
});

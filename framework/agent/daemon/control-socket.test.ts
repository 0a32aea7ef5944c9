import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModelLookupError } from '../errors';
import type { HookEvent } from '../internal/hook-executor';
import { ControlServer, controlSocketPath, sendControlRequest } from './control-socket';
import { AgentConnectionError, AgentRequestError } from './daemon-errors';

describe('control socket', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rxcharm-ctl-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const event: HookEvent = { unit: 'a/0', hook: 'install', outcome: 'ok', exitCode: 0, durationMs: 5 };

  it('streams hook events, then the result; errors keep their code and message', async () => {
    const server = await ControlServer.start(controlSocketPath(dir), async (request, emit) => {
      if (request.op === 'lookup') throw new ModelLookupError('unit', String(request.args[0]));
      if (request.op === 'crash') throw new TypeError('boom');
      emit(event);
      return { echoed: request.args };
    });
    try {
      const seen: HookEvent[] = [];
      await expect(
        sendControlRequest(server.socketPath, { op: 'echo', args: [1, 'x'] }, (e) => seen.push(e)),
      ).resolves.toEqual({
        echoed: [1, 'x'],
      });
      expect(seen).toEqual([event]);
      const lookup = sendControlRequest(server.socketPath, { op: 'lookup', args: ['a/9'] });
      await expect(lookup).rejects.toBeInstanceOf(AgentRequestError);
      await expect(lookup).rejects.toMatchObject({ code: 'AGENT_NOT_FOUND', message: 'unit not found: a/9' });
      await expect(sendControlRequest(server.socketPath, { op: 'crash', args: [] })).rejects.toMatchObject({
        code: 'AGENT_UNEXPECTED',
        message: 'unexpected failure in the agent: boom',
      });
    } finally {
      await server.close();
    }
  });

  it('fails with a connection error naming the socket when no agent listens', async () => {
    const path = controlSocketPath(dir);
    const sent = sendControlRequest(path, { op: 'wait', args: [] });
    await expect(sent).rejects.toBeInstanceOf(AgentConnectionError);
    await expect(sent).rejects.toThrow(`cannot talk to the running agent at ${path}`);
  });

  it('uses a short path in the temp dir when the model dir is too long for a socket', () => {
    expect(controlSocketPath('/m')).toBe('/m/agent-control.sock');
    const long = `/${'x'.repeat(120)}`;
    expect(controlSocketPath(long)).toMatch(new RegExp(`^${tmpdir()}/rxcharm-ctl-[0-9a-f]{16}\\.sock$`));
  });
});

import { HOOK_TOOL_SOCKET_ENV } from '../../charm';
import { hookToolTransport } from './hook-tool-runner';

describe('hookToolTransport', () => {
  const agent = {
    JUJU_AGENT_SOCKET_ADDRESS: '/m/agent.sock',
    JUJU_AGENT_SOCKET_NETWORK: 'unix',
    JUJU_CONTEXT_ID: 'ctx',
    PATH: '/m/bin:/usr/bin',
  };

  it('is the socket when the agent offers it, with its socket and the hook context', () => {
    expect(hookToolTransport({ ...agent, [HOOK_TOOL_SOCKET_ENV]: '1' })).toEqual({
      kind: 'socket',
      socketPath: '/m/agent.sock',
      contextId: 'ctx',
    });
  });

  it('is processes without the offer, whatever is on PATH (real Juju, the fake tools)', () => {
    expect(hookToolTransport(agent)).toEqual({ kind: 'process' });
    expect(hookToolTransport({ ...agent, [HOOK_TOOL_SOCKET_ENV]: '0' })).toEqual({ kind: 'process' });
  });

  it('is processes when the offer lacks a unix socket or a context', () => {
    const offered = { ...agent, [HOOK_TOOL_SOCKET_ENV]: '1' };
    expect(hookToolTransport({ ...offered, JUJU_AGENT_SOCKET_ADDRESS: '' })).toEqual({ kind: 'process' });
    expect(hookToolTransport({ ...offered, JUJU_CONTEXT_ID: undefined })).toEqual({ kind: 'process' });
    expect(hookToolTransport({ ...offered, JUJU_AGENT_SOCKET_NETWORK: 'tcp' })).toEqual({ kind: 'process' });
  });
});

import { AGENT_SHIM_NAME } from '../../charm';
import { resolvesToAgentShim } from './hook-tool-runner';

/** A fake file system: path → symlink target, or '' for a plain file. */
function fs(entries: Record<string, string>): (path: string) => string | undefined {
  return (path) => entries[path];
}

describe('resolvesToAgentShim', () => {
  const shimDir = {
    '/m/bin/config-get': AGENT_SHIM_NAME,
    '/m/bin/is-leader': '/m/bin/rxcharm-hook-tool',
    [`/m/bin/${AGENT_SHIM_NAME}`]: '',
    '/usr/bin/config-get': '',
  };

  it('is true for a symlink to the agent shim first on PATH, relative or absolute', () => {
    expect(resolvesToAgentShim('config-get', ['/m/bin', '/usr/bin'], fs(shimDir))).toBe(true);
    expect(resolvesToAgentShim('is-leader', ['/m/bin'], fs(shimDir))).toBe(true);
  });

  it('is false when another executable comes first on PATH (real Juju, the fake tools)', () => {
    expect(resolvesToAgentShim('config-get', ['/usr/bin', '/m/bin'], fs(shimDir))).toBe(false);
    expect(
      resolvesToAgentShim(
        'config-get',
        ['/fake/bin', '/m/bin'],
        fs({ ...shimDir, '/fake/bin/config-get': '/repo/fake-hook-tool.cjs' }),
      ),
    ).toBe(false);
  });

  it('is false when the shim itself is missing (spawn would fail, so must we)', () => {
    expect(resolvesToAgentShim('config-get', ['/m/bin'], fs({ '/m/bin/config-get': AGENT_SHIM_NAME }))).toBe(false);
  });

  it('is false for names with a slash and unknown tools', () => {
    expect(resolvesToAgentShim('./config-get', ['/m/bin'], fs(shimDir))).toBe(false);
    expect(resolvesToAgentShim('', ['/m/bin'], fs(shimDir))).toBe(false);
    expect(resolvesToAgentShim('goal-state', ['/m/bin', '/usr/bin'], fs(shimDir))).toBe(false);
  });
});

import { dockerSetupStep, isDebianLike } from './docker-setup';

const base = { answering: false, local: true, installed: true, installAllowed: true, debianLike: true };

describe('dockerSetupStep', () => {
  it('is ready whenever the daemon answers', () => {
    expect(dockerSetupStep({ ...base, answering: true, installed: false })).toEqual({ kind: 'ready' });
  });
  it('installs a missing local engine on Debian when allowed', () => {
    expect(dockerSetupStep({ ...base, installed: false })).toEqual({
      kind: 'install',
      status: 'maintenance',
      message: 'Installing Docker',
    });
  });
  it('blocks when install is not allowed or not possible', () => {
    expect(dockerSetupStep({ ...base, installed: false, installAllowed: false })).toMatchObject({
      kind: 'blocked',
      message: /install_docker is false/,
    });
    expect(dockerSetupStep({ ...base, installed: false, debianLike: false })).toMatchObject({
      kind: 'blocked',
      message: /Debian or Ubuntu/,
    });
  });
  it('starts an installed local daemon that does not answer', () => {
    expect(dockerSetupStep(base)).toMatchObject({ kind: 'start-daemon', status: 'maintenance' });
  });
  it('only waits for a remote docker_host, never installs', () => {
    expect(dockerSetupStep({ ...base, local: false, installed: false })).toEqual({
      kind: 'wait',
      status: 'waiting',
      message: 'Waiting for Docker daemon at docker_host',
    });
  });
});

describe('isDebianLike', () => {
  it.each([
    ['ID=debian\n', true],
    ['ID=ubuntu\nID_LIKE=debian\n', true],
    ['ID=linuxmint\nID_LIKE="ubuntu debian"\n', true],
    ['ID="centos"\nID_LIKE="rhel fedora"\n', false],
    ['', false],
  ])('%j → %s', (text, expected) => expect(isDebianLike(text)).toBe(expected));
});

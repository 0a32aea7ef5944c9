import { agentSettingsFromEnv, defaultUnitAddress } from './agent-settings';
import { parseIpAddrOutput, pickUnitAddress, type HostAddress } from './host-address';

// `ip -4 -o addr show` on a Docker host where docker0 is down (no container on the default bridge).
const WITH_DOCKER0 = [
  '1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever',
  '2: eth0    inet 192.0.2.2/24 brd 192.0.2.255 scope global eth0\\       valid_lft forever preferred_lft forever',
  '3: docker0    inet 172.17.0.1/16 brd 172.17.255.255 scope global docker0\\       valid_lft forever preferred_lft forever',
  '1271: br-f6433c2ae3af    inet 172.29.0.1/16 brd 172.29.255.255 scope global br-f6433c2ae3af\\       valid_lft forever preferred_lft forever',
  '',
].join('\n');

// The same host after docker0 was deleted (e.g. a second dockerd started with `--bridge none`).
const WITHOUT_DOCKER0 = [
  '1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever',
  '1271: br-f6433c2ae3af    inet 172.29.0.1/16 brd 172.29.255.255 scope global br-f6433c2ae3af\\       valid_lft forever preferred_lft forever',
  '4: eth0    inet 192.0.2.2/24 brd 192.0.2.255 scope global eth0\\       valid_lft forever preferred_lft forever',
].join('\n');

describe('parseIpAddrOutput', () => {
  it('reads interface, address, prefix and scope of every line, down interfaces included', () => {
    expect(parseIpAddrOutput(WITH_DOCKER0)).toEqual([
      { iface: 'lo', address: '127.0.0.1', prefix: 8, scope: 'host' },
      { iface: 'eth0', address: '192.0.2.2', prefix: 24, scope: 'global' },
      { iface: 'docker0', address: '172.17.0.1', prefix: 16, scope: 'global' },
      { iface: 'br-f6433c2ae3af', address: '172.29.0.1', prefix: 16, scope: 'global' },
    ]);
  });

  it('skips lines that are not IPv4 addresses and strips the @peer suffix', () => {
    const text = [
      '4: eth0    inet6 fd00::2/64 scope global nodad',
      'garbage',
      '9: eth1@if8    inet 10.1.2.3/24 scope global eth1',
      '10: eth2    inet 300.1.2.3/24 scope global eth2',
    ].join('\n');
    expect(parseIpAddrOutput(text)).toEqual([{ iface: 'eth1', address: '10.1.2.3', prefix: 24, scope: 'global' }]);
  });
});

describe('pickUnitAddress', () => {
  it('prefers docker0 even when it is listed after other interfaces', () => {
    expect(pickUnitAddress(parseIpAddrOutput(WITH_DOCKER0))).toBe('172.17.0.1');
  });

  it('without docker0, takes a global address that outlives compose networks (not br-*/veth*)', () => {
    expect(pickUnitAddress(parseIpAddrOutput(WITHOUT_DOCKER0))).toBe('192.0.2.2');
  });

  it('falls back to loopback when nothing else is there', () => {
    const only: HostAddress[] = [
      { iface: 'lo', address: '127.0.0.1', prefix: 8, scope: 'host' },
      { iface: 'br-1', address: '172.30.0.1', prefix: 16, scope: 'global' },
      { iface: 'wlan0', address: '169.254.1.1', prefix: 16, scope: 'link' },
    ];
    expect(pickUnitAddress(only)).toBe('127.0.0.1');
    expect(defaultUnitAddress([])).toBe('127.0.0.1');
  });
});

describe('agentSettingsFromEnv address', () => {
  it('uses RXCHARM_UNIT_ADDRESS when set', () => {
    expect(agentSettingsFromEnv({ RXCHARM_UNIT_ADDRESS: '10.9.8.7' }, { cwd: '/m' }).address).toBe('10.9.8.7');
  });

  it('gives units their own addresses unless RXCHARM_UNIT_ADDRESS or RXCHARM_UNIT_NETWORK=0 says otherwise', () => {
    expect(agentSettingsFromEnv({}, { cwd: '/m' }).unitNetworkEnabled).toBe(true);
    expect(agentSettingsFromEnv({ RXCHARM_UNIT_ADDRESS: '' }, { cwd: '/m' }).unitNetworkEnabled).toBe(true);
    expect(agentSettingsFromEnv({ RXCHARM_UNIT_ADDRESS: '10.9.8.7' }, { cwd: '/m' }).unitNetworkEnabled).toBe(false);
    expect(agentSettingsFromEnv({ RXCHARM_UNIT_NETWORK: '0' }, { cwd: '/m' }).unitNetworkEnabled).toBe(false);
  });
});

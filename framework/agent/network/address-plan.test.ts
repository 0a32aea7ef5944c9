import {
  candidateSubnets,
  ipv4ToNumber,
  nextUnitAddress,
  numberToIpv4,
  parseSubnet,
  pickSubnet,
  subnetContains,
  subnetLayout,
  subnetsOverlap,
} from './address-plan';

describe('IPv4 arithmetic', () => {
  it('converts addresses both ways and refuses what is not an address', () => {
    expect(ipv4ToNumber('10.213.0.2')).toBe(0x0ad50002);
    expect(numberToIpv4(0xffffffff)).toBe('255.255.255.255');
    expect(numberToIpv4(ipv4ToNumber('192.0.2.200')!)).toBe('192.0.2.200');
    expect(ipv4ToNumber('300.1.1.1')).toBeUndefined();
    expect(ipv4ToNumber('fd00::1')).toBeUndefined();
  });

  it('parses subnets (a host address with a prefix gives its subnet) and detects overlaps', () => {
    expect(parseSubnet('172.17.0.1/16')).toEqual({ base: ipv4ToNumber('172.17.0.0'), prefix: 16 });
    expect(parseSubnet('10.0.0.0/33')).toBeUndefined();
    expect(parseSubnet('nonsense')).toBeUndefined();
    expect(subnetsOverlap(parseSubnet('10.0.0.0/8')!, parseSubnet('10.213.4.0/24')!)).toBe(true);
    expect(subnetsOverlap(parseSubnet('10.213.3.0/24')!, parseSubnet('10.213.4.0/24')!)).toBe(false);
    expect(subnetContains('10.213.4.0/24', '10.213.4.77')).toBe(true);
    expect(subnetContains('10.213.4.0/24', '10.213.5.77')).toBe(false);
  });
});

describe('pickSubnet', () => {
  it('takes the first candidate that overlaps no taken subnet', () => {
    expect(pickSubnet([])).toBe('10.213.0.0/24');
    expect(pickSubnet(['172.17.0.0/16', '10.213.0.0/24', '10.213.1.128/25', 'garbage'])).toBe('10.213.2.0/24');
  });

  it('avoids a wide route that covers every candidate', () => {
    expect(pickSubnet(['10.0.0.0/8'])).toBeUndefined();
    expect(pickSubnet(['10.213.0.0/23'], ['10.213.0.0/24', '10.213.1.0/24', '10.213.2.0/24'])).toBe('10.213.2.0/24');
  });

  it('offers 256 /24 candidates inside 10.213.0.0/16', () => {
    const all = candidateSubnets();
    expect(all).toHaveLength(256);
    expect(all.every((c) => subnetsOverlap(parseSubnet(c)!, parseSubnet('10.213.0.0/16')!))).toBe(true);
  });
});

describe('subnetLayout', () => {
  it('splits a /24 into gateway, unit range and Docker range', () => {
    expect(subnetLayout('10.213.7.0/24')).toEqual({
      subnet: '10.213.7.0/24',
      gateway: '10.213.7.1',
      ipRange: '10.213.7.128/25',
      first: '10.213.7.2',
      last: '10.213.7.127',
    });
  });

  it('refuses a subnet that is not a /24', () => {
    expect(() => subnetLayout('10.213.0.0/16')).toThrow(RangeError);
    expect(() => subnetLayout('bad')).toThrow(/IPv4 \/24, got bad/);
  });
});

describe('nextUnitAddress', () => {
  const subnet = '10.213.0.0/24';

  it('starts at .2 and goes on after the address handed out last', () => {
    expect(nextUnitAddress(subnet, [])).toBe('10.213.0.2');
    expect(nextUnitAddress(subnet, ['10.213.0.2'], '10.213.0.2')).toBe('10.213.0.3');
  });

  it('does not reuse a released address before the range wraps', () => {
    // .2 was released (its unit removed) while .3 is still held and was the last handed out.
    expect(nextUnitAddress(subnet, ['10.213.0.3'], '10.213.0.3')).toBe('10.213.0.4');
  });

  it('reuses released addresses once the range went round, and skips held ones', () => {
    expect(nextUnitAddress(subnet, ['10.213.0.127', '10.213.0.2'], '10.213.0.127')).toBe('10.213.0.3');
    expect(nextUnitAddress(subnet, ['10.213.0.2'], '10.213.0.126')).toBe('10.213.0.127');
  });

  it('never hands out the gateway or Docker’s range, and says when the range is full', () => {
    const all = Array.from({ length: 126 }, (_, i) => `10.213.0.${i + 2}`);
    expect(nextUnitAddress(subnet, all.slice(1))).toBe('10.213.0.2');
    expect(nextUnitAddress(subnet, all)).toBeUndefined();
    expect(nextUnitAddress(subnet, [], '10.213.0.200')).toBe('10.213.0.2');
  });
});

import { isHostAddress, publishHostIp } from './publish-address';

describe('publishHostIp', () => {
  it("publishes on the unit's address by default when the engine is local", () => {
    expect(publishHostIp('', '10.213.0.2', true)).toBe('10.213.0.2');
  });

  it('publishes on every address for a remote engine, without a unit address, or when told 0.0.0.0', () => {
    expect(publishHostIp('', '10.213.0.2', false)).toBeUndefined();
    expect(publishHostIp('', undefined, true)).toBeUndefined();
    expect(publishHostIp(' 0.0.0.0 ', '10.213.0.2', true)).toBeUndefined();
  });

  it('takes an explicit address as given', () => {
    expect(publishHostIp('192.0.2.9', '10.213.0.2', true)).toBe('192.0.2.9');
  });
});

describe('isHostAddress', () => {
  it('is true for an address of this host and false for one it does not have', async () => {
    expect(await isHostAddress('127.0.0.1')).toBe(true);
    // TEST-NET-3: documentation only, never assigned to a host.
    expect(await isHostAddress('203.0.113.77')).toBe(false);
  });
});

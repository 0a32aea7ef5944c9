import { formatPortSpec, InvalidPortError, parsePortSpec } from './port-spec';

describe('port specs', () => {
  it('formats ports, ranges and icmp as open-port takes them', () => {
    expect(formatPortSpec({ port: 80 })).toBe('80/tcp');
    expect(formatPortSpec({ port: 53, protocol: 'udp' })).toBe('53/udp');
    expect(formatPortSpec({ port: 8000, toPort: 8080 })).toBe('8000-8080/tcp');
    expect(formatPortSpec({ port: 9, toPort: 9 })).toBe('9/tcp');
    expect(formatPortSpec('icmp')).toBe('icmp');
  });

  it('rejects bad ports with a typed error', () => {
    expect(() => formatPortSpec({ port: 0 })).toThrow(InvalidPortError);
    expect(() => formatPortSpec({ port: 70000 })).toThrow(/1-65535/);
    expect(() => formatPortSpec({ port: 90, toPort: 80 })).toThrow(/range end is below its start/);
    expect(() => formatPortSpec({ port: 1.5 })).toThrow(InvalidPortError);
  });

  it('parses what opened-ports prints', () => {
    expect(parsePortSpec('8000-8080/UDP')).toEqual({ port: 8000, toPort: 8080, protocol: 'udp' });
    expect(parsePortSpec('80')).toEqual({ port: 80, toPort: undefined, protocol: 'tcp' });
    expect(parsePortSpec('ICMP')).toBe('icmp');
    expect(() => parsePortSpec('http')).toThrow(/expected <port>/);
  });
});

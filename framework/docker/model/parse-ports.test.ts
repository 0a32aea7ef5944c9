import { parseExpose, parsePortLong, parsePortShort } from './parse-ports';
import { ValueError } from './value-error';

describe('parsePortShort', () => {
  it.each<[string | number, object[]]>([
    [6379, [{ target: 6379, protocol: 'tcp', published: '', hostIp: '' }]],
    ['5000:80', [{ target: 80, protocol: 'tcp', published: '5000', hostIp: '' }]],
    ['127.0.0.1:8080:80/udp', [{ target: 80, protocol: 'udp', published: '8080', hostIp: '127.0.0.1' }]],
    ['127.0.0.1::5000', [{ target: 5000, protocol: 'tcp', published: '', hostIp: '127.0.0.1' }]],
    ['8000-9000:80', [{ target: 80, protocol: 'tcp', published: '8000-9000', hostIp: '' }]],
    ['::1:6000:6000', [{ target: 6000, protocol: 'tcp', published: '6000', hostIp: '::1' }]],
    ['[::1]:6001:6001', [{ target: 6001, protocol: 'tcp', published: '6001', hostIp: '::1' }]],
    ['1234/SCTP', [{ target: 1234, protocol: 'sctp', published: '', hostIp: '' }]],
  ])('%s', (input, expected) => {
    expect(parsePortShort(input)).toEqual(expected);
  });

  it('expands ranges one to one', () => {
    expect(parsePortShort('3000-3005')).toHaveLength(6);
    expect(parsePortShort('9090-9091:8080-8081').map((p) => [p.published, p.target])).toEqual([
      ['9090', 8080],
      ['9091', 8081],
    ]);
  });

  it.each(['5000-5001:80-82', 'a:80', '1.2.3:80:80', '80/xyz', '70000', '90-80'])('rejects %s', (input) => {
    expect(() => parsePortShort(input)).toThrow(ValueError);
  });
});

describe('parsePortLong', () => {
  it('defaults protocol and published', () => {
    expect(parsePortLong({ target: 80 })).toEqual({ target: 80, protocol: 'tcp', published: '', hostIp: '' });
    expect(parsePortLong({ target: 80, published: 8080, host_ip: '127.0.0.1', protocol: 'udp' })).toEqual({
      target: 80,
      protocol: 'udp',
      published: '8080',
      hostIp: '127.0.0.1',
    });
  });
  it('names the bad field', () => {
    expect(() => parsePortLong({ target: 'x' })).toThrow(expect.objectContaining({ subpath: ['target'] }));
    expect(() => parsePortLong({ target: 80, bogus: 1 })).toThrow(expect.objectContaining({ subpath: ['bogus'] }));
  });
});

describe('parseExpose', () => {
  it('expands ranges and defaults tcp', () => {
    expect(parseExpose('3000')).toEqual(['3000/tcp']);
    expect(parseExpose('8080-8082/udp')).toEqual(['8080/udp', '8081/udp', '8082/udp']);
  });
});

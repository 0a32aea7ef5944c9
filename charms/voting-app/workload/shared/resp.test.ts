import fc from 'fast-check';
import { encodeCommand, RespDecoder, RespProtocolError } from './resp';

describe('encodeCommand', () => {
  it('encodes an array of bulk strings with byte lengths', () => {
    expect(encodeCommand(['RPUSH', 'votes', 'é']).toString('utf8')).toBe(
      '*3\r\n$5\r\nRPUSH\r\n$5\r\nvotes\r\n$2\r\né\r\n',
    );
  });
});

describe('RespDecoder', () => {
  it('decodes every reply type', () => {
    const decoder = new RespDecoder();
    const values = decoder.push(
      Buffer.from('+PONG\r\n-ERR wrong\r\n:42\r\n$-1\r\n*-1\r\n*2\r\n$5\r\nvotes\r\n$3\r\nabc\r\n'),
    );
    expect(values).toEqual([
      { kind: 'simple', value: 'PONG' },
      { kind: 'error', message: 'ERR wrong' },
      { kind: 'integer', value: 42 },
      { kind: 'bulk', value: null },
      { kind: 'array', value: null },
      {
        kind: 'array',
        value: [
          { kind: 'bulk', value: 'votes' },
          { kind: 'bulk', value: 'abc' },
        ],
      },
    ]);
  });

  it('keeps partial replies until the rest arrives, whatever the split', () => {
    const wire = Buffer.from('*2\r\n$5\r\nvotes\r\n$12\r\n{"vote":"a"}\r\n:7\r\n');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: wire.length - 1 }), (split) => {
        const decoder = new RespDecoder();
        const first = decoder.push(wire.subarray(0, split));
        const second = decoder.push(wire.subarray(split));
        const all = [...first, ...second];
        expect(all).toHaveLength(2);
        expect(all[0]).toEqual({
          kind: 'array',
          value: [
            { kind: 'bulk', value: 'votes' },
            { kind: 'bulk', value: '{"vote":"a"}' },
          ],
        });
        expect(all[1]).toEqual({ kind: 'integer', value: 7 });
      }),
    );
  });

  it('round-trips bulk strings containing CRLF and multibyte text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const payload = Buffer.from(text, 'utf8');
        const wire = Buffer.concat([Buffer.from(`$${payload.length}\r\n`), payload, Buffer.from('\r\n')]);
        expect(new RespDecoder().push(wire)).toEqual([{ kind: 'bulk', value: text }]);
      }),
    );
  });

  it('rejects bytes that are not RESP', () => {
    expect(() => new RespDecoder().push(Buffer.from('HTTP/1.1 400\r\n'))).toThrow(RespProtocolError);
    expect(() => new RespDecoder().push(Buffer.from(':4x\r\n'))).toThrow(/invalid RESP integer/);
  });
});

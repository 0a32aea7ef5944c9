import { createHash, createHmac } from 'node:crypto';
import { scramVerifier } from './scram';

/** RFC 7677 section 3's example exchange (user "user", password "pencil"). */
const RFC = {
  salt: 'W22ZaJ0SNY7soEsUEjb6gQ==',
  authMessage: [
    'n=user,r=rOprNGfwEbeRWgbNEkqO',
    'r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096',
    'c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0',
  ].join(','),
  clientProof: 'dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=',
  serverSignature: '6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=',
};

function parts(verifier: string): { iterations: number; salt: string; storedKey: Buffer; serverKey: Buffer } {
  const m = /^SCRAM-SHA-256\$(\d+):([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+):([A-Za-z0-9+/=]+)$/.exec(verifier);
  if (m === null) throw new Error(`not a verifier: ${verifier}`);
  return {
    iterations: Number(m[1]),
    salt: m[2]!,
    storedKey: Buffer.from(m[3]!, 'base64'),
    serverKey: Buffer.from(m[4]!, 'base64'),
  };
}

describe('scramVerifier', () => {
  it('produces keys a server uses to verify the RFC 7677 example exchange', () => {
    const v = parts(scramVerifier('pencil', Buffer.from(RFC.salt, 'base64'), 4096));
    expect(v).toMatchObject({ iterations: 4096, salt: RFC.salt });
    // The server's signature, computed from ServerKey, matches the RFC's.
    expect(createHmac('sha256', v.serverKey).update(RFC.authMessage).digest('base64')).toBe(RFC.serverSignature);
    // The server recovers ClientKey from the proof and checks it against StoredKey.
    const signature = createHmac('sha256', v.storedKey).update(RFC.authMessage).digest();
    const proof = Buffer.from(RFC.clientProof, 'base64');
    const clientKey = Buffer.from(proof.map((byte, i) => byte ^ signature[i]!));
    expect(createHash('sha256').update(clientKey).digest().equals(v.storedKey)).toBe(true);
  });

  it('salts randomly by default with 4096 iterations', () => {
    const a = parts(scramVerifier('pw'));
    const b = parts(scramVerifier('pw'));
    expect(a.iterations).toBe(4096);
    expect(Buffer.from(a.salt, 'base64')).toHaveLength(16);
    expect(a.salt).not.toBe(b.salt);
  });

  it('never contains the password', () => {
    expect(scramVerifier('0123456789abcdef0123')).not.toContain('0123456789abcdef0123');
  });
});

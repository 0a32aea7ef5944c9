import fc from 'fast-check';
import { REDACTED, Redactor } from './redactor';

describe('Redactor', () => {
  it('redacts values under secret-looking keys at any depth', () => {
    const r = new Redactor();
    expect(
      r.redactValue({
        a: 1,
        db_password: 'x',
        nested: { apiToken: 't', list: [{ secret: 's', ok: 'y' }] },
        empty_password: '',
      }),
    ).toEqual({
      a: 1,
      db_password: REDACTED,
      nested: { apiToken: REDACTED, list: [{ secret: REDACTED, ok: 'y' }] },
      empty_password: '',
    });
  });

  it('replaces marked values inside any text, including their JSON-escaped form', () => {
    const r = new Redactor();
    r.markSecret('p"a\\ss');
    expect(r.redactString('token p"a\\ss here')).toBe(`token ${REDACTED} here`);
    expect(r.redactString(JSON.stringify({ m: 'p"a\\ss' }))).toBe(`{"m":"${REDACTED}"}`);
  });

  it('does not mark trivially short values', () => {
    const r = new Redactor();
    r.markSecret('ab');
    expect(r.redactString('abc')).toBe('abc');
  });

  it('redacts errors: message, stack, context and cause', () => {
    const r = new Redactor();
    r.markSecret('sekrit');
    const e = Object.assign(new Error('failed with sekrit', { cause: new Error('inner sekrit') }), {
      code: 'X',
      context: { password: 'p' },
    });
    const out = r.redactValue({ err: e }) as { err: Record<string, unknown> };
    expect(JSON.stringify(out)).not.toContain('sekrit');
    expect(out.err).toMatchObject({
      type: 'Error',
      message: `failed with ${REDACTED}`,
      code: 'X',
      context: { password: REDACTED },
    });
  });

  it('redacts key=value arguments', () => {
    const r = new Redactor();
    expect(r.redactArgs(['-r', 'db:1', 'password=x', 'host=h', '--token=abc'])).toEqual([
      '-r',
      'db:1',
      `password=${REDACTED}`,
      'host=h',
      '--token=abc',
    ]);
  });

  it('never leaves a marked secret in a string (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 4 }), fc.string(), fc.string(), (secret, pre, post) => {
        const r = new Redactor();
        r.markSecret(secret);
        return !r.redactString(`${pre}${secret}${post}`).includes(secret) || REDACTED.includes(secret);
      }),
    );
  });
});

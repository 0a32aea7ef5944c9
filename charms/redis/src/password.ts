import { randomBytes } from 'node:crypto';

/**
 * A new random password: 48 hex characters (192 bits). Hex because the value travels as a
 * redis-server argument, a YAML scalar and a URI userinfo, and needs no quoting in any of them.
 */
export function newPassword(): string {
  return randomBytes(24).toString('hex');
}

import { Secret, TOTP } from 'otpauth';

// RFC 6238 defaults every authenticator app understands: SHA-1, 6 digits, 30 s.
const totpFor = (secretBase32: string, username: string) =>
  new TOTP({ issuer: 'Azad', label: username, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secretBase32) });

export function newTotpSecret(username: string) {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, otpauthUrl: totpFor(secret, username).toString() };
}

/** Accepts the current code and one step either side, for clock drift. */
export function checkTotp(secretBase32: string, username: string, code: string): boolean {
  return totpFor(secretBase32, username).validate({ token: code, window: 1 }) !== null;
}

export function currentTotp(secretBase32: string): string {
  return totpFor(secretBase32, 'x').generate();
}

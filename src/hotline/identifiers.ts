import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

export interface NormalizedIdentifier {
  kind: 'phone' | 'handle';
  value: string;
  normalized: string;
  valid: boolean;
}

/**
 * A phone number in any common format ("050 123 45 67", "+994 (50) 1234567", "00994501234567",
 * "994501234567") as E.164. Unparseable input is kept, marked invalid, under its digits, so that
 * the same scribble typed twice still matches.
 */
export function normalizePhone(raw: string, defaultCountry: string): NormalizedIdentifier {
  const tryParse = (s: string) => {
    const p = parsePhoneNumberFromString(s, defaultCountry as CountryCode);
    return p?.isValid() ? p.number : null;
  };
  const digits = raw.replace(/\D/g, '');
  const e164 = tryParse(raw) ?? (digits.length > 8 ? tryParse(`+${digits}`) : null);
  return e164 ? { kind: 'phone', value: raw, normalized: e164, valid: true } : { kind: 'phone', value: raw, normalized: `raw:${digits || raw.toLowerCase()}`, valid: false };
}

/**
 * An online account or ad as a bare handle: "@Recruiter.Baku", "https://t.me/recruiter.baku",
 * "instagram.com/recruiter.baku/" all become "recruiter.baku"; other URLs keep host and path.
 */
export function normalizeHandle(raw: string): NormalizedIdentifier {
  const s = raw.trim().toLowerCase();
  const url = /^(https?:\/\/)?(www\.|m\.)?([a-z0-9.-]+\.[a-z]{2,})(\/[^\s?#]*)?/.exec(s);
  const profileHosts = ['t.me', 'telegram.me', 'instagram.com', 'tiktok.com', 'facebook.com', 'fb.com', 'vk.com', 'x.com', 'twitter.com', 'wa.me'];
  if (url && !s.startsWith('@')) {
    const host = url[3] ?? '';
    const segments = (url[4] ?? '').split('/').filter(Boolean);
    if (profileHosts.includes(host) && segments[0]) return { kind: 'handle', value: raw, normalized: segments[0].replace(/^@/, ''), valid: true };
    return { kind: 'handle', value: raw, normalized: `${host}/${segments.join('/')}`.replace(/\/$/, ''), valid: true };
  }
  return { kind: 'handle', value: raw, normalized: s.replace(/^@+/, ''), valid: s.replace(/^@+/, '').length > 0 };
}

/** Phones or handles: anything starting with + or a digit and mostly digits is taken for a phone. */
export function normalizeAny(raw: string, defaultCountry: string): NormalizedIdentifier {
  const digits = raw.replace(/\D/g, '').length;
  return /^[+\d(]/.test(raw.trim()) && digits >= 5 && digits >= raw.replace(/\s/g, '').length * 0.6 ? normalizePhone(raw, defaultCountry) : normalizeHandle(raw);
}

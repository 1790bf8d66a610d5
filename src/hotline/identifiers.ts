import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

export interface NormalizedIdentifier {
  kind: 'phone' | 'handle';
  value: string;
  normalized: string;
  valid: boolean;
  /** Specific enough to link reports that share it; scraps like "123" are kept but never linked. */
  linkable: boolean;
}

const MIN_RAW_DIGITS = 7;

/**
 * A phone number in any common format ("050 123 45 67", "+994 (50) 1234567", "00994501234567",
 * "994501234567", Russian "8 912 345 67 89") as E.164. Unparseable input is kept, marked
 * invalid, under its digits, so that the same scribble typed twice still matches.
 */
export function normalizePhone(raw: string, defaultCountry: string): NormalizedIdentifier {
  const tryParse = (s: string, country = defaultCountry) => {
    const p = parsePhoneNumberFromString(s, country as CountryCode);
    return p?.isValid() ? p.number : null;
  };
  const digits = raw.replace(/\D/g, '');
  const e164 =
    tryParse(raw) ??
    (digits.length > 8 ? tryParse(`+${digits}`) : null) ??
    // Russia's domestic trunk prefix 8, common in numbers reported from there.
    (digits.length === 11 && digits.startsWith('8') ? tryParse(digits, 'RU') : null);
  if (e164) return { kind: 'phone', value: raw, normalized: e164, valid: true, linkable: true };
  return { kind: 'phone', value: raw, normalized: `raw:${digits || raw.toLowerCase()}`, valid: false, linkable: digits.length >= MIN_RAW_DIGITS };
}

const PROFILE_HOSTS = new Set(['t.me', 'telegram.me', 'instagram.com', 'tiktok.com', 'facebook.com', 'fb.com', 'vk.com', 'x.com', 'twitter.com']);
// First path segments that are not an account: the whole path identifies the thing.
const NOT_ACCOUNTS = new Set(['p', 'reel', 'reels', 'groups', 'joinchat', 's', 'share', 'watch', 'video', 'events', 'pages', 'c', 'stories']);

/**
 * An online account or ad as a bare handle: "@Recruiter.Baku", "https://t.me/recruiter.baku",
 * "instagram.com/recruiter.baku/" all become "recruiter.baku". Posts, groups and invite links
 * keep their whole path (case kept where it matters), other URLs keep host and path, and
 * wa.me links are phone numbers.
 */
export function normalizeHandle(raw: string, defaultCountry = 'AZ'): NormalizedIdentifier {
  const s = raw.trim();
  const url = /^(https?:\/\/)?(www\.|m\.)?([a-z0-9.-]+\.[a-z]{2,})(\/[^\s?#]*)?(\?[^\s#]*)?/i.exec(s);
  if (url && !s.startsWith('@')) {
    const host = (url[3] ?? '').toLowerCase();
    const path = url[4] ?? '';
    const segments = path.split('/').filter(Boolean);
    const query = new URLSearchParams(url[5] ?? '');
    if (host === 'wa.me' && segments[0]) return { ...normalizePhone(segments[0], defaultCountry), value: raw };
    if (PROFILE_HOSTS.has(host) && segments[0]) {
      const first = segments[0];
      if (first === 'profile.php' && query.get('id')) return handle(raw, `${host}/profile.php?id=${query.get('id')}`);
      if (NOT_ACCOUNTS.has(first.toLowerCase()) || first.startsWith('+')) return handle(raw, `${host}/${segments.join('/')}`);
      return handle(raw, first.replace(/^@/, '').toLowerCase());
    }
    return handle(raw, `${host}${path}`.replace(/\/$/, ''));
  }
  return handle(raw, s.toLowerCase().replace(/^@+/, ''));
}

function handle(value: string, normalized: string): NormalizedIdentifier {
  const ok = normalized.replace(/[^\p{L}\p{N}]/gu, '').length >= 2;
  return { kind: 'handle', value, normalized, valid: ok, linkable: ok };
}

/** Phones or handles: anything starting with + or a digit and mostly digits is taken for a phone. */
export function normalizeAny(raw: string, defaultCountry: string): NormalizedIdentifier {
  const digits = raw.replace(/\D/g, '').length;
  return /^[+\d(]/.test(raw.trim()) && digits >= 5 && digits >= raw.replace(/\s/g, '').length * 0.6 ? normalizePhone(raw, defaultCountry) : normalizeHandle(raw, defaultCountry);
}

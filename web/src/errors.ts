// Turns the server's error vocabulary into sentences in the interface language.
import type { TFunction } from 'i18next';
import { ApiError } from './api.ts';

const KNOWN_CODES = [
  'validation_failed', 'invalid_json', 'unauthenticated', 'invalid_credentials', 'second_factor_required',
  'forbidden', 'csrf_failed', 'password_change_required', 'not_found', 'conflict', 'payload_too_large',
  'unsupported_media_type', 'account_locked', 'internal_error', 'network_error',
] as const;
type KnownCode = (typeof KNOWN_CODES)[number];
const isKnown = (code: string): code is KnownCode => (KNOWN_CODES as readonly string[]).includes(code);

/** The page-level sentence for an error (field details are shown next to the fields). */
export function errorMessage(t: TFunction, err: unknown): string {
  if (!(err instanceof ApiError)) return t('errors.unknown');
  if (err.code === 'account_locked') {
    const minutes = /in (\d+) minute/.exec(err.message)?.[1];
    if (minutes) return t('errors.lockedFor', { count: Number(minutes) });
  }
  return isKnown(err.code) ? t(`errors.${err.code}`) : err.message || t('errors.unknown');
}

// The server words its field messages in English; these are the ones it is known to send.
// Anything else is shown as the server wrote it rather than hidden.
const FIELD_MESSAGES: [RegExp, (t: TFunction, m: RegExpExecArray) => string][] = [
  [/^must be at least (\d+) characters$/, (t, m) => t('fieldErrors.tooShort', { count: Number(m[1]) })],
  [/^is too common/, (t) => t('fieldErrors.tooCommon')],
  [/^must not repeat one character$/, (t) => t('fieldErrors.repeated')],
  [/^must not contain the username$/, (t) => t('fieldErrors.containsUsername')],
  [/^must differ from the current password$/, (t) => t('fieldErrors.sameAsCurrent')],
  [/^wrong password$/, (t) => t('fieldErrors.wrongPassword')],
  [/^wrong code$/, (t) => t('fieldErrors.wrongCode')],
  [/^six digits$/, (t) => t('fieldErrors.sixDigits')],
  [/^required$/, (t) => t('fieldErrors.required')],
  [/^already exists$/, (t) => t('fieldErrors.taken')],
  [/^no such agency$/, (t) => t('fieldErrors.unknownAgency')],
  [/^no pending enrolment$/, (t) => t('fieldErrors.noEnrolment')],
  [/^use letters a–z/, (t) => t('fieldErrors.usernameFormat')],
  [/^must be a lowercase slug/, (t) => t('fieldErrors.codeFormat')],
  [/^Invalid email/i, (t) => t('fieldErrors.email')],
  [/^Too small: expected string to have >=(\d+) characters?$/, (t, m) => t('fieldErrors.tooShort', { count: Number(m[1]) })],
  [/^Too small: expected array/, (t) => t('fieldErrors.chooseRole')],
];

export function fieldMessage(t: TFunction, message: string): string {
  for (const [re, render] of FIELD_MESSAGES) {
    const m = re.exec(message);
    if (m) return render(t, m);
  }
  return message;
}

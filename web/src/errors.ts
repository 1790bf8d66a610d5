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
  // The victims, referrals and assistance modules.
  [/^must not be in the future$/, (t) => t('fieldErrors.future')],
  [/^an ISO 3166-1 alpha-2 code/, (t) => t('fieldErrors.country')],
  [/^must not be before (?:the contact date )?(\d{4}-\d{2}-\d{2})$/, (t, m) => t('fieldErrors.notBeforeDate', { date: m[1] })],
  [/^must not be before (?:startDate|date)$/, (t) => t('fieldErrors.beforeStart')],
  [/^record consent first/, (t) => t('fieldErrors.noConsent')],
  [/^already referred$/, (t) => t('fieldErrors.alreadyReferred')],
  [/^choose another agency$/, (t) => t('fieldErrors.selfReferral')],
  [/^give a reason to pay it again$/, (t) => t('fieldErrors.alreadyPaid')],
  [/^this kind of help is for a child/, (t) => t('fieldErrors.childRequired')],
  [/^not one of this person's children$/, (t) => t('fieldErrors.notChild')],
  [/^money is recorded as a payment$/, (t) => t('fieldErrors.monetary')],
  [/^required for purpose/, (t) => t('fieldErrors.required')],
  [/^period already started$/, (t) => t('fieldErrors.periodStarted')],
  [/^start the period first$/, (t) => t('fieldErrors.periodNotStarted')],
  [/^give outcome and outcomeDate together$/, (t) => t('fieldErrors.required')],
  [/^does not match identity\.birthDate$/, (t) => t('fieldErrors.birthYearMismatch')],
  // The hotline.
  [/^a follow-up needs its due date$/, (t) => t('fieldErrors.required')],
  [/^name the agency referred to$/, (t) => t('fieldErrors.choose')],
  [/^unknown (topic|region)/, (t) => t('fieldErrors.choose')],
  [/^already linked$/, (t) => t('fieldErrors.alreadyLinked')],
  [/^Invalid (option|UUID)/, (t) => t('fieldErrors.choose')],
  [/^Invalid (ISO )?date/, (t) => t('fieldErrors.date')],
  [/^Too small: expected number to be >=?(-?[\d.]+)$/, (t, m) => t('fieldErrors.min', { min: m[1] })],
  [/^Too big: expected number to be <=?(-?[\d.]+)$/, (t, m) => t('fieldErrors.max', { max: m[1] })],
  [/^Too big: expected string to have <=(\d+) characters?$/, (t, m) => t('fieldErrors.tooLong', { count: Number(m[1]) })],
  [/^Invalid number: must be a multiple of/, (t) => t('fieldErrors.cents')],
];

export function fieldMessage(t: TFunction, message: string): string {
  for (const [re, render] of FIELD_MESSAGES) {
    const m = re.exec(message);
    if (m) return render(t, m);
  }
  return message;
}

// The field messages the server words in English, each with its key under `fieldErrors` in the
// interface's translations (web/src/i18n/{az,en,ru}.json) and the values it interpolates. Shared
// by the server (which answers in the caller's Accept-Language) and the web app (which renders
// messages from older servers or other clients the same way).
type FieldErrorKey = keyof (typeof import('../../web/src/i18n/en.json'))['fieldErrors'];
export type FieldMessageRule = readonly [RegExp, FieldErrorKey, ((m: RegExpExecArray) => Record<string, string | number | undefined>)?];

export const FIELD_MESSAGES: readonly FieldMessageRule[] = [
  [/^must be at least (\d+) characters$/, 'tooShort', (m) => ({ count: Number(m[1]) })],
  [/^is too common/, 'tooCommon'],
  [/^must not repeat one character$/, 'repeated'],
  [/^must not contain the username$/, 'containsUsername'],
  [/^must differ from the current password$/, 'sameAsCurrent'],
  [/^wrong password$/, 'wrongPassword'],
  [/^wrong code$/, 'wrongCode'],
  [/^six digits$/, 'sixDigits'],
  [/^required$/, 'required'],
  [/^already exists$/, 'taken'],
  [/^no such agency$/, 'unknownAgency'],
  [/^no pending enrolment$/, 'noEnrolment'],
  [/^use letters a–z/, 'usernameFormat'],
  [/^must be a lowercase slug/, 'codeFormat'],
  [/^Invalid email/i, 'email'],
  [/^Too small: expected string to have >=(\d+) characters?$/, 'tooShort', (m) => ({ count: Number(m[1]) })],
  [/^Too small: expected array/, 'chooseRole'],
  // The victims, referrals and assistance modules.
  [/^must not be in the future$/, 'future'],
  [/^must be a year, a year and month, or a date/, 'partialDate'],
  [/^an ISO 3166-1 alpha-2 code/, 'country'],
  [/^must not be before (?:the contact date )?(\d{4}-\d{2}-\d{2})$/, 'notBeforeDate', (m) => ({ date: m[1] })],
  [/^must not be before (?:startDate|start_date|date)$/, 'beforeStart'],
  [/^record consent first/, 'noConsent'],
  [/^already referred$/, 'alreadyReferred'],
  [/^choose another agency$/, 'selfReferral'],
  [/^give a reason to pay it again$/, 'alreadyPaid'],
  [/^this kind of help is for a child/, 'childRequired'],
  [/^not one of this person's children$/, 'notChild'],
  [/^money is recorded as a payment$/, 'monetary'],
  [/^required for purpose/, 'required'],
  [/^period already started$/, 'periodStarted'],
  [/^start the period first$/, 'periodNotStarted'],
  [/^give outcome and outcomeDate together$/, 'required'],
  [/^does not match identity\.birthDate$/, 'birthYearMismatch'],
  // The hotline.
  [/^a follow-up needs its due date$/, 'required'],
  [/^name the agency referred to$/, 'choose'],
  [/^unknown (topic|region)/, 'choose'],
  [/^already linked$/, 'alreadyLinked'],
  [/^Invalid (option|UUID)/, 'choose'],
  [/^Invalid (ISO )?date/, 'date'],
  [/^Too small: expected number to be >=?(-?[\d.]+)$/, 'min', (m) => ({ min: m[1] })],
  [/^Too big: expected number to be <=?(-?[\d.]+)$/, 'max', (m) => ({ max: m[1] })],
  [/^Too big: expected string to have <=(\d+) characters?$/, 'tooLong', (m) => ({ count: Number(m[1]) })],
  [/^Invalid number: must be a multiple of/, 'cents'],
];

/** The translation key and values of a known English field message, or null. */
export function matchFieldMessage(message: string): { key: `fieldErrors.${FieldErrorKey}`; values: Record<string, string | number | undefined> } | null {
  for (const [re, key, values] of FIELD_MESSAGES) {
    const m = re.exec(message);
    if (m) return { key: `fieldErrors.${key}` as const, values: values ? values(m) : {} };
  }
  return null;
}

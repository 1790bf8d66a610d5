// Turns the server's error vocabulary into sentences in the interface language.
import type { TFunction } from 'i18next';
import { matchFieldMessage } from '../../src/i18n/field-messages.ts';
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
  if (err.code === 'account_locked' && err.params.minutes !== undefined) return t('errors.lockedFor', { count: Number(err.params.minutes) });
  return isKnown(err.code) ? t(`errors.${err.code}`) : err.message || t('errors.unknown');
}

/** A field message in the interface language: the server already answers in it (Accept-Language); an English one it knows is translated here, anything else shown as written. */
export function fieldMessage(t: TFunction, message: string): string {
  const known = matchFieldMessage(message);
  return known ? t(known.key, known.values) : message;
}

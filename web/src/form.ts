// Submitting a form: busy state, the last error, and per-field messages for it.
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldError } from './api.ts';
import { fieldMessage } from './errors.ts';

/** A failure found before sending (e.g. an empty required field), shaped like the server's. */
export function clientInvalid(fields: FieldError[]): ApiError {
  return new ApiError(400, 'validation_failed', 'invalid', fields);
}

const isBlank = (v: unknown) => (typeof v === 'string' ? v.trim() === '' : Array.isArray(v) ? v.length === 0 : v == null);

/** The named values that are blank, each with `message` (already translated). */
export function blankFields(values: Record<string, unknown>, message: string): FieldError[] {
  return Object.entries(values)
    .filter(([, v]) => isBlank(v))
    .map(([path]) => ({ path, message }));
}

/** Throws one error listing every problem found before sending. */
export function assertValid(...groups: FieldError[][]) {
  const all = groups.flat();
  if (all.length) throw clientInvalid(all);
}

/** Throws when any of the named values is blank. */
export function requireFilled(values: Record<string, unknown>, message: string) {
  assertValid(blankFields(values, message));
}

export function useSubmit() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = useCallback(async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }, []);

  /** An onSubmit handler: prevents the page load and runs `fn`. */
  const onSubmit = (fn: () => Promise<void>) => (e: FormEvent) => {
    e.preventDefault();
    if (!busy) void run(fn);
  };

  const fieldError = (path: string): string | undefined => {
    const msg = error instanceof ApiError ? error.field(path) : undefined;
    return msg === undefined ? undefined : fieldMessage(t, msg);
  };

  return { busy, error, setError, run, onSubmit, fieldError };
}

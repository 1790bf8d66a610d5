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

/**
 * The server names an item of a list field by index (`forms.2`); a form shows the message at the
 * list itself (`forms`). Awaits `work` and rethrows its error with such paths shortened.
 */
export async function atListFields<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    const fields = err.fields.map((f) => ({ ...f, path: f.path.replace(/(\.\d+)+$/, '') }));
    throw new ApiError(err.status, err.code, err.message, fields.filter((f, i) => fields.findIndex((g) => g.path === f.path) === i));
  }
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

/**
 * A form's values as its edits laid over defaults that may still change (today's date, the
 * user's agency once loaded); `reset` drops the edits after a save.
 */
export function useFields<T extends Record<string, string>>(defaults: T) {
  const [edits, setEdits] = useState<Partial<T>>({});
  const values = { ...defaults, ...edits } as T;
  const set = (k: keyof T) => (value: string) => setEdits((e) => ({ ...e, [k]: value }));
  /** `value` and `onChange` for an input or select bound to `k`. */
  const bind = (k: keyof T) => ({ value: values[k], onChange: (e: { target: { value: string } }) => set(k)(e.target.value) });
  /** Drops the edits of the named fields, or of all. */
  const reset = useCallback(
    (...keys: (keyof T)[]) =>
      setEdits((e) => {
        if (keys.length === 0) return {};
        const next = { ...e };
        for (const k of keys) delete next[k];
        return next;
      }),
    [],
  );
  return { values, set, bind, reset };
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

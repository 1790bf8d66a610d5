// The one way the web app talks to the server: JSON over same-origin fetch,
// the session cookie sent by the browser, and the CSRF token on every write.

export interface FieldError {
  path: string;
  message: string;
}

/** A failure as the server describes it: `{ error: { code, message, fields } }`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  /** Values the server sent to word the message with (e.g. `minutes` of `account_locked`). */
  readonly params: Record<string, string | number>;

  constructor(status: number, code: string, message: string, fields: FieldError[] = [], params: Record<string, string | number> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.params = params;
  }

  /** The message for one field (by its path), if the server named it. */
  field(path: string): string | undefined {
    return this.fields.find((f) => f.path === path)?.message;
  }
}

let csrfToken: string | null = null;

/** Set from `Me.csrfToken` after sign-in or session restore; cleared on sign-out. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

type SessionListener = (code: string) => void;
const sessionListeners = new Set<SessionListener>();

/**
 * Called when a request fails because the session ended or now owes something
 * (a second factor, a new password), so the app can show the right screen.
 */
export function onSessionProblem(listener: SessionListener): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

const SESSION_CODES = new Set(['unauthenticated', 'second_factor_required', 'password_change_required']);

type Query = Record<string, string | number | undefined | null>;

/** `/api/x` plus the non-empty query parameters. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

async function request<T>(method: string, path: string, body?: unknown, opts: { quiet?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  // The server words its messages in the interface language (set on <html lang> by the i18n module).
  if (typeof document !== 'undefined' && document.documentElement.lang) headers['accept-language'] = document.documentElement.lang;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'network_error', 'The server could not be reached');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON: handled below */
  }
  if (res.ok) return data as T;
  const err = (data as { error?: { code?: string; message?: string; fields?: FieldError[]; params?: Record<string, string | number> } } | null)?.error;
  const apiError = new ApiError(res.status, err?.code ?? 'internal_error', err?.message ?? res.statusText, err?.fields ?? [], err?.params ?? {});
  if (!opts.quiet && SESSION_CODES.has(apiError.code)) sessionListeners.forEach((l) => l(apiError.code));
  throw apiError;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** Requests whose session errors the caller handles itself (sign-in, session restore). */
  quiet: {
    get: <T>(path: string) => request<T>('GET', path, undefined, { quiet: true }),
    post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}, { quiet: true }),
  },
};

/** The one error vocabulary: each code has a fixed HTTP status and is stable for API clients. */
export const errorStatus = {
  validation_failed: 400,
  invalid_json: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  second_factor_required: 401,
  forbidden: 403,
  csrf_failed: 403,
  password_change_required: 403,
  not_found: 404,
  conflict: 409,
  /** An approved submission: the period is locked until the coordinator reopens it. */
  period_locked: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  account_locked: 429,
  /** A per-user limit on costly work (PDF, screening batches, exports); `retry-after` says when. */
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
  /** The audit entry could not be written, so nothing was sent and any change was rolled back. */
  audit_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface FieldError {
  path: string;
  message: string;
}

export type ErrorParams = Record<string, string | number>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[];
  readonly status: number;
  /** Sent as `retry-after` (seconds) with a 429 or 503. */
  readonly retryAfterSeconds: number | undefined;
  /** What the audit trail records when it differs from the status (a 404 that hid an existing record is `denied`). */
  auditOutcome: 'denied' | undefined;
  /** The values a client words the message with in its own language (e.g. `minutes` of `account_locked`); sent as `params`. */
  readonly params: ErrorParams | undefined;

  constructor(code: ErrorCode, message: string, fields: FieldError[] = [], options?: ErrorOptions & { retryAfterSeconds?: number; params?: ErrorParams }) {
    super(message, options);
    this.code = code;
    this.fields = fields;
    this.status = errorStatus[code];
    this.retryAfterSeconds = options?.retryAfterSeconds;
    this.auditOutcome = undefined;
    this.params = options?.params;
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
/** A 404 that hides a record outside the caller's scope: the caller learns nothing, the trail says `denied`. */
export const outOfScope = (what: string) => Object.assign(notFound(what), { auditOutcome: 'denied' as const });
export const forbidden = (message = 'You are not allowed to do this') => new AppError('forbidden', message);
export const conflict = (message: string, fields: FieldError[] = []) => new AppError('conflict', message, fields);
export const invalid = (message: string, fields: FieldError[]) => new AppError('validation_failed', message, fields);

/** The wire format of every failure; `params` only when the error has values to word it with. */
export function errorBody(code: ErrorCode, message: string, fields: FieldError[] = [], params?: ErrorParams) {
  return { error: { code, message, fields, ...(params ? { params } : {}) } };
}

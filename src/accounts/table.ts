import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  email: string | null;
  agency_id: string;
  roles: string[];
  password_hash: string;
  password_changed_at: Timestamp;
  must_change_password: Generated<boolean>;
  totp_secret: Uint8Array | null;
  totp_enabled: Generated<boolean>;
  /** The last accepted TOTP time step: a code is good once (RFC 6238 §5.2). */
  totp_last_step: number | null;
  active: Generated<boolean>;
  language: Generated<string>;
  last_login_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  /** sha256 of the cookie token: a database leak yields no usable session. */
  id: string;
  user_id: string;
  csrf_token: string;
  second_factor_done: boolean;
  /** Opened by completing a one-time reset: the first enrolment needs no further code. */
  enrolment_allowed: Generated<boolean>;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
}

export interface LoginFailuresTable {
  id: Generated<string>;
  username: string;
  ip: string;
  at: Date;
}

export interface AccountCodesTable {
  id: Generated<string>;
  user_id: string;
  purpose: 'reset' | 'enrolment';
  /** sha256 of the code: the administrator saw it once, the database never holds it. */
  code_hash: string;
  issued_by: string | null;
  created_at: Generated<Date>;
  expires_at: Date;
  used_at: Date | null;
}

export interface AccountChangesTable {
  id: Generated<string>;
  kind: 'create' | 'update' | 'reset';
  user_id: string | null;
  change: ColumnType<unknown, string, string>;
  status: Generated<'pending' | 'approved' | 'rejected'>;
  requested_by: string;
  requested_at: Generated<Date>;
  decided_by: string | null;
  decided_at: Date | null;
}

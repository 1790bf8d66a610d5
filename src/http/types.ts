import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Role, Scope } from '../access/roles.ts';
import type { Action } from '../access/rules.ts';
import type { Principal } from '../access/scope.ts';
import type { Config } from '../config.ts';
import type { FieldKey } from '../crypto/fields.ts';
import type { AuditEntry } from '../audit/record.ts';
import type { Database } from '../db/schema.ts';
import type { DatabaseKind } from '../db/database.ts';
import type { Profile } from '../profile/schema.ts';

/** What every route module receives: no globals, so tests can build as many apps as they like. */
export interface AppContext {
  db: Kysely<Database>;
  /**
   * Where read-only report work goes (report figures and documents, returns, public statistics):
   * the replica when DATABASE_REPLICA_URL is set, else the same handle as `db`. Writes and the
   * audit trail always go to `db`, the primary.
   */
  reports?: Kysely<Database>;
  databaseKind: DatabaseKind;
  config: Config;
  profile: Profile;
  fieldKey: FieldKey;
  version: string;
}

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** The signed-in user as the access layer sees them. */
export interface Auth extends Principal {
  username: string;
  roles: Role[];
  sessionToken: string;
  csrfToken: string;
  /** Scopes that the route's action grants this user. */
  scopes: Scope[];
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every registered route, as the access-coverage check and its tests see them. */
    routeList: import('fastify').RouteOptions[];
  }
  interface FastifyContextConfig {
    /** The access-rule action this route performs; every /api route has one or is public. */
    action?: Action;
    /** Reachable without signing in (health, login, API docs). */
    public?: boolean;
    /** What the audit trail records as the call's target, taken from the `id` route parameter. */
    target?: string;
    /**
     * false: never audited (health, docs); 'signed-in': audited only when a user is known
     * (the web app's "am I signed in?" probe would otherwise fill the trail).
     */
    audit?: false | 'signed-in';
    /** The per-user limit this costly route counts against (a function when it depends on the request). */
    limit?: import('../limits/limits.ts').LimitName | ((req: import('fastify').FastifyRequest) => import('../limits/limits.ts').LimitName | null);
  }
  interface FastifyRequest {
    auth: Auth | null;
    /** What a handler adds to its call's audit entry (an actor for logins, a reason, a new target id). */
    auditNote: { actor?: { id: string; username: string; agencyId: string }; targetId?: string; details?: Record<string, unknown>; outcome?: 'denied' } | null;
    /** Entries a handler wants on the record before its reply leaves (an identity read): written with the call's own, in one commit. */
    auditFirst: AuditEntry[] | null;
  }
}

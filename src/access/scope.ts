import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { notFound, outOfScope, type AppError } from '../errors.ts';
import type { Scope } from './roles.ts';

/** Who is asking: what a rule's scope is measured against. */
export interface Principal {
  userId: string;
  agencyId: string;
}

/** How a table answers each scope; a scope the table cannot answer grants nothing. */
export interface ScopeColumns {
  own?: string;
  agency?: string;
  referred?: (agencyId: string) => Expression<SqlBool>;
}

/**
 * Turns granted scopes into the one SQL filter used by lists and single reads alike,
 * so that what a user can list and what they can open never disagree.
 */
export function scopeFilter(principal: Principal, scopes: readonly Scope[], cols: ScopeColumns): Expression<SqlBool> {
  if (scopes.includes('all')) return sql<SqlBool>`true`;
  const parts: Expression<SqlBool>[] = [];
  for (const scope of scopes) {
    switch (scope) {
      case 'own':
        if (cols.own) parts.push(sql<SqlBool>`${sql.ref(cols.own)} = ${principal.userId}`);
        break;
      case 'agency':
        if (cols.agency) parts.push(sql<SqlBool>`${sql.ref(cols.agency)} = ${principal.agencyId}`);
        break;
      case 'referred':
        if (cols.referred) parts.push(cols.referred(principal.agencyId));
        break;
      case 'all':
        break;
      default: {
        const never: never = scope;
        throw new Error(`unknown scope ${String(never)}`);
      }
    }
  }
  if (parts.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${sql.join(parts, sql` OR `)})`;
}

/**
 * The error for a scoped read that found nothing: always a 404 to the caller (never revealing that
 * the record exists), recorded in the trail as `denied` when it does exist outside the caller's scope.
 */
export async function hiddenOrMissing(db: Kysely<any>, table: 'users' | 'persons' | 'hotline_contacts' | 'hotline_tips', id: string, what: string): Promise<AppError> {
  const found = await sql`select 1 from ${sql.table(table)} where id = ${id}`.execute(db);
  return found.rows.length ? outOfScope(what) : notFound(what);
}

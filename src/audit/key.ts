import type { Kysely, KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import type { FieldKey } from '../crypto/fields.ts';
import { AppError } from '../errors.ts';

/**
 * Carries the trail's key on a database handle. Kysely hands plugins on to every transaction
 * and connection made from the handle, so any `trx` a command receives can chain an entry
 * without each of the many callers passing the key along. It changes no query.
 */
class AuditKeyPlugin implements KyselyPlugin {
  constructor(readonly key: FieldKey) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/** The same database, able to append to the audit trail under `key`. */
export function withAuditKey<DB>(db: Kysely<DB>, key: FieldKey): Kysely<DB> {
  return db.withPlugin(new AuditKeyPlugin(key));
}

/** The key a handle carries; a handle without one cannot write the trail, so the caller's work fails. */
export function auditKeyOf(db: Kysely<any>): FieldKey {
  const plugin = db.getExecutor().plugins.findLast((p) => p instanceof AuditKeyPlugin);
  if (!plugin) throw new AppError('audit_unavailable', 'The audit trail cannot be written: this database handle has no audit key');
  return (plugin as AuditKeyPlugin).key;
}

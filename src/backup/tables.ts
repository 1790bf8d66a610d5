import { sql, type Kysely } from 'kysely';

export interface TableInfo {
  name: string;
  primaryKey: string;
}

const BOOKKEEPING = new Set(['kysely_migration', 'kysely_migration_lock']);

/**
 * The application's tables in an order where every table comes after those it references,
 * read from the catalogue so that new modules' tables are backed up without a list to maintain.
 */
export async function tablesInDependencyOrder(db: Kysely<any>): Promise<TableInfo[]> {
  const tables = await sql<{ name: string; pk: string | null; pk_cols: number }>`
    select c.relname as name,
           (select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
             where i.indrelid = c.oid and i.indisprimary) as pk,
           (select i.indnatts from pg_index i where i.indrelid = c.oid and i.indisprimary) as pk_cols
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = current_schema() and c.relkind = 'r'
     order by c.relname`.execute(db);
  const deps = await sql<{ child: string; parent: string }>`
    select cl.relname as child, pl.relname as parent
      from pg_constraint con
      join pg_class cl on cl.oid = con.conrelid
      join pg_class pl on pl.oid = con.confrelid
      join pg_namespace n on n.oid = cl.relnamespace
     where con.contype = 'f' and n.nspname = current_schema()`.execute(db);

  const infos = tables.rows.filter((t) => !BOOKKEEPING.has(t.name));
  for (const t of infos) {
    if (!t.pk || Number(t.pk_cols) !== 1) throw new Error(`Table ${t.name} needs a single-column primary key to be backed up`);
  }
  const parents = new Map<string, Set<string>>(infos.map((t) => [t.name, new Set<string>()]));
  for (const d of deps.rows) if (d.child !== d.parent) parents.get(d.child)?.add(d.parent);

  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  while (ordered.length < infos.length) {
    const ready = infos.filter((t) => !placed.has(t.name) && [...(parents.get(t.name) ?? [])].every((p) => placed.has(p)));
    if (ready.length === 0) throw new Error('Foreign keys form a cycle; cannot order tables for backup');
    for (const t of ready) {
      ordered.push({ name: t.name, primaryKey: t.pk as string });
      placed.add(t.name);
    }
  }
  return ordered;
}

import { sql, type Kysely } from 'kysely';

export interface TableInfo {
  name: string;
  /** The primary key's columns with their SQL types, in key order: rows are paged by them. */
  key: { column: string; type: string }[];
}

const BOOKKEEPING = new Set(['kysely_migration', 'kysely_migration_lock']);

/**
 * The application's tables in an order where every table comes after those it references,
 * read from the catalogue so that new modules' tables are backed up without a list to maintain.
 * A partitioned table counts once, by its parent (its partitions are storage, not tables); a
 * constraint trigger declared `FROM` another table (the check that replaces a foreign key into
 * a partitioned table) orders the tables as the foreign key did.
 */
export async function tablesInDependencyOrder(db: Kysely<any>): Promise<TableInfo[]> {
  const tables = await sql<{ name: string; key: { column: string; type: string }[] | null }>`
    select c.relname as name,
           (select json_agg(json_build_object('column', a.attname, 'type', format_type(a.atttypid, a.atttypmod)) order by k.ord)
              from pg_index i cross join lateral unnest(i.indkey) with ordinality k(attnum, ord)
              join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
             where i.indrelid = c.oid and i.indisprimary) as key
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
     order by c.relname`.execute(db);
  const deps = await sql<{ child: string; parent: string }>`
    select cl.relname as child, pl.relname as parent
      from pg_constraint con
      join pg_class cl on cl.oid = con.conrelid
      join pg_class pl on pl.oid = con.confrelid
      join pg_namespace n on n.oid = cl.relnamespace
     where con.contype = 'f' and n.nspname = current_schema()
    union
    select cl.relname, pl.relname
      from pg_trigger t
      join pg_class cl on cl.oid = t.tgrelid
      join pg_class pl on pl.oid = t.tgconstrrelid
      join pg_namespace n on n.oid = cl.relnamespace
     where not t.tgisinternal and t.tgconstrrelid <> 0 and n.nspname = current_schema()`.execute(db);

  const infos = tables.rows.filter((t) => !BOOKKEEPING.has(t.name));
  for (const t of infos) {
    if (!t.key || t.key.length === 0) throw new Error(`Table ${t.name} needs a primary key to be backed up`);
  }
  const parents = new Map<string, Set<string>>(infos.map((t) => [t.name, new Set<string>()]));
  for (const d of deps.rows) if (d.child !== d.parent) parents.get(d.child)?.add(d.parent);

  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  while (ordered.length < infos.length) {
    const ready = infos.filter((t) => !placed.has(t.name) && [...(parents.get(t.name) ?? [])].every((p) => placed.has(p)));
    if (ready.length === 0) throw new Error('Foreign keys form a cycle; cannot order tables for backup');
    for (const t of ready) {
      ordered.push({ name: t.name, key: t.key ?? [] });
      placed.add(t.name);
    }
  }
  return ordered;
}

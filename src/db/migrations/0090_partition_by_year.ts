import { sql, type Kysely } from 'kysely';

// Frozen in time: written against Kysely<any>, imports no application code.
//
// Issue 20: the two append-only giants, the audit trail and hotline contacts, become tables
// partitioned by calendar year (UTC) of their time column, each with a DEFAULT partition so that a
// row for a year without its own partition is still accepted. azad_year_partitions() creates the
// missing years (and moves rows that waited in the DEFAULT partition into them); `azad db
// maintain` calls it. Existing rows are copied into the new tables inside this migration's
// transaction. The same SQL runs on PostgreSQL and on PGlite (PostgreSQL 17).
//
// A partitioned table's unique keys must contain the partition column, so hotline_contacts' key
// becomes (id, started_at) and the foreign keys on contact_id alone (hotline_tips,
// hotline_identifiers) are replaced by constraint triggers that check the same thing
// (docs/ARCHITECTURE.md, "Scaling past one machine", says why and what it costs).

/** Years from the current one onward that the migration creates ahead. */
const AHEAD = 2;

export async function up(db: Kysely<any>): Promise<void> {
  // Creates parent_y<year> for each year not yet there, and parent_default once. Rows that waited
  // in the DEFAULT partition for one of those years are moved: the DEFAULT partition is detached,
  // the years created, a new DEFAULT attached, and the detached rows inserted again through the
  // parent (no UPDATE or DELETE, so the audit trail's append-only triggers never need to yield).
  await sql`
    CREATE FUNCTION azad_year_partitions(p_parent text, p_years int[]) RETURNS text[] LANGUAGE plpgsql AS $$
    DECLARE
      v_key text;
      v_default text := p_parent || '_default';
      v_missing int[];
      v_made text[] := '{}';
      v_move boolean := false;
      v_year int;
      v_part text;
    BEGIN
      -- One maintainer at a time: two would race to create the same partition.
      PERFORM pg_advisory_xact_lock(7152002);
      SELECT a.attname INTO v_key FROM pg_partitioned_table pt
        JOIN pg_attribute a ON a.attrelid = pt.partrelid AND a.attnum = pt.partattrs[0]
       WHERE pt.partrelid = p_parent::regclass;
      SELECT coalesce(array_agg(DISTINCT y ORDER BY y), '{}') INTO v_missing FROM unnest(p_years) y
       WHERE to_regclass(format('%s_y%s', p_parent, y)) IS NULL;
      IF to_regclass(v_default) IS NOT NULL AND cardinality(v_missing) > 0 THEN
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE extract(year FROM %I AT TIME ZONE ''UTC'')::int = ANY ($1))', v_default, v_key)
          INTO v_move USING v_missing;
      END IF;
      IF v_move THEN
        EXECUTE format('ALTER TABLE %I DETACH PARTITION %I', p_parent, v_default);
        EXECUTE format('ALTER TABLE %I RENAME TO %I', v_default, v_default || '_moving');
      END IF;
      FOREACH v_year IN ARRAY v_missing LOOP
        v_part := format('%s_y%s', p_parent, v_year);
        EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', v_part, p_parent,
                       format('%s-01-01 00:00:00+00', v_year), format('%s-01-01 00:00:00+00', v_year + 1));
        v_made := v_made || v_part;
      END LOOP;
      IF to_regclass(v_default) IS NULL THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF %I DEFAULT', v_default, p_parent);
        v_made := v_made || v_default;
      END IF;
      IF v_move THEN
        EXECUTE format('INSERT INTO %I SELECT * FROM %I', p_parent, v_default || '_moving');
        EXECUTE format('DROP TABLE %I', v_default || '_moving');
      END IF;
      -- Row triggers are cloned onto new partitions; a TRUNCATE trigger is per table.
      IF p_parent = 'audit_log' THEN
        FOREACH v_part IN ARRAY v_made LOOP
          EXECUTE format('CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION audit_log_reject()', v_part);
        END LOOP;
      END IF;
      RETURN v_made;
    END;
    $$`.execute(db);

  // The years to create: every year that holds rows, and this year and the next AHEAD.
  const yearsOf = async (table: string, column: string) => {
    const { rows } = await sql<{ y: number }>`
      select distinct extract(year from ${sql.ref(column)} at time zone 'UTC')::int as y from ${sql.table(table)}
      union select extract(year from now() at time zone 'UTC')::int + g from generate_series(0, ${AHEAD}) g`.execute(db);
    // An array literal as text: both drivers pass text through unchanged.
    return `{${rows.map((r) => Number(r.y)).join(',')}}`;
  };

  // --- audit_log, by the year of `at` ---------------------------------------------------------
  await sql`ALTER TABLE audit_log RENAME TO audit_log_unpartitioned`.execute(db);
  await sql`CREATE TABLE audit_log (LIKE audit_log_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY RANGE (at)`.execute(db);
  await sql`SELECT azad_year_partitions('audit_log', ${await yearsOf('audit_log_unpartitioned', 'at')}::text::int[])`.execute(db);
  await sql`INSERT INTO audit_log SELECT * FROM audit_log_unpartitioned`.execute(db);
  // Its triggers go with it (DROP fires none).
  await sql`DROP TABLE audit_log_unpartitioned`.execute(db);
  // seq and hash were unique on their own; a partitioned key must hold the partition column.
  // One seq per row across all years is what `azad audit verify` proves (each seq follows the
  // one before), and the advisory lock in audit_lock_head() is what makes it so.
  await sql`ALTER TABLE audit_log ADD PRIMARY KEY (seq, at)`.execute(db);
  await sql`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at)`.execute(db);
  await sql`CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id)`.execute(db);
  await sql`CREATE INDEX audit_log_at_idx ON audit_log (at)`.execute(db);
  await sql`CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_reject()`.execute(db);
  await sql`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_reject()`.execute(db);

  // --- hotline_contacts, by the year of `started_at` -----------------------------------------
  const outbound = await sql<{ name: string; def: string }>`
    select conname as name, pg_get_constraintdef(oid) as def from pg_constraint
     where conrelid = 'hotline_contacts'::regclass and contype = 'f' order by conname`.execute(db);
  const inbound = await sql<{ name: string; tbl: string }>`
    select conname as name, conrelid::regclass::text as tbl from pg_constraint
     where confrelid = 'hotline_contacts'::regclass and contype = 'f' order by conname`.execute(db);
  for (const c of inbound.rows) await sql`ALTER TABLE ${sql.table(c.tbl)} DROP CONSTRAINT ${sql.ref(c.name)}`.execute(db);
  await sql`ALTER TABLE hotline_contacts RENAME TO hotline_contacts_unpartitioned`.execute(db);
  await sql`CREATE TABLE hotline_contacts (LIKE hotline_contacts_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY RANGE (started_at)`.execute(db);
  await sql`SELECT azad_year_partitions('hotline_contacts', ${await yearsOf('hotline_contacts_unpartitioned', 'started_at')}::text::int[])`.execute(db);
  await sql`INSERT INTO hotline_contacts SELECT * FROM hotline_contacts_unpartitioned`.execute(db);
  await sql`DROP TABLE hotline_contacts_unpartitioned`.execute(db);
  await sql`ALTER TABLE hotline_contacts ADD PRIMARY KEY (id, started_at)`.execute(db);
  for (const c of outbound.rows) await sql`ALTER TABLE hotline_contacts ADD CONSTRAINT ${sql.ref(c.name)} ${sql.raw(c.def)}`.execute(db);
  await sql`CREATE INDEX contacts_started_idx ON hotline_contacts (started_at)`.execute(db);
  await sql`CREATE INDEX contacts_agency_idx ON hotline_contacts (agency_id, started_at)`.execute(db);
  await sql`CREATE INDEX contacts_follow_up_idx ON hotline_contacts (created_by, follow_up_due)`.execute(db);
  await sql`CREATE INDEX IF NOT EXISTS tips_contact_idx ON hotline_tips (contact_id)`.execute(db);

  // What the foreign keys on contact_id checked. A constraint trigger (FROM names the table it
  // refers to, which is how backups still order contacts before tips) runs after each row as a
  // foreign key does; FOR KEY SHARE is the lock a foreign key takes, so a concurrent delete waits.
  await sql`
    CREATE FUNCTION hotline_contact_exists() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.contact_id IS NOT NULL THEN
        PERFORM 1 FROM hotline_contacts WHERE id = NEW.contact_id FOR KEY SHARE;
        IF NOT FOUND THEN
          RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation',
            MESSAGE = format('insert or update on table "%s" violates the reference to "hotline_contacts"', TG_TABLE_NAME),
            DETAIL = format('Key (contact_id)=(%s) is not present in table "hotline_contacts".', NEW.contact_id);
        END IF;
      END IF;
      RETURN NULL;
    END;
    $$`.execute(db);
  for (const c of inbound.rows) {
    await sql`CREATE CONSTRAINT TRIGGER ${sql.ref(`${c.tbl}_contact_ref`)} AFTER INSERT OR UPDATE OF contact_id ON ${sql.table(c.tbl)} FROM hotline_contacts
              DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW EXECUTE FUNCTION hotline_contact_exists()`.execute(db);
  }
  // The other side: a contact still referred to cannot go. A row that only moved to another
  // year's partition (an UPDATE of started_at: a DELETE and an INSERT underneath) still exists.
  const referrers = inbound.rows.map((c) => `EXISTS (SELECT 1 FROM ${c.tbl} WHERE contact_id = OLD.id)`).join(' OR ') || 'false';
  await sql`
    CREATE FUNCTION hotline_contact_still_referenced() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM hotline_contacts WHERE id = OLD.id) AND (${sql.raw(referrers)}) THEN
        RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation',
          MESSAGE = 'delete or update on table "hotline_contacts" removes a contact still referred to',
          DETAIL = format('Key (id)=(%s) is still referenced.', OLD.id);
      END IF;
      RETURN NULL;
    END;
    $$`.execute(db);
  await sql`CREATE TRIGGER hotline_contacts_referenced AFTER DELETE OR UPDATE OF id ON hotline_contacts FOR EACH ROW EXECUTE FUNCTION hotline_contact_still_referenced()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0090_partition_by_year cannot be undone in place: restore a backup taken before it');
}

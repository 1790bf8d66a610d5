import { sql, type Kysely } from 'kysely';

// Frozen in time: written against Kysely<any>, imports no application code.
//
// Issue 20: the case status is stored on persons (`case_status`) so that the person list filters
// and sorts it through indexes instead of working the rule out for every person. The database
// keeps it right whoever writes (API, interchange import, duplicate merge and undo, retention,
// backup restore, the demo generator): a row trigger on persons when the closure reason changes or
// a person is inserted, and statement triggers (with transition tables, so a bulk import pays once
// per statement, not per row) on the three tables the rule reads. The rule below is a frozen copy
// of caseStatusSql() in src/victims/status.ts, which stays the definition; a test proves the two
// agree after random sequences of writes through the API.

const SOURCES = ['assistance', 'payments', 'reflection_periods'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  // The rule: closed with a reason, else assisted once any unvoided help or payment is recorded,
  // else in reflection while a period has no outcome, else new. PL/pgSQL rather than SQL: its
  // plans are kept for the session, where a SQL function with subqueries is planned at every call.
  await sql`
    CREATE FUNCTION azad_case_status(p_id uuid, p_closure text) RETURNS text LANGUAGE plpgsql STABLE AS $$
    BEGIN
      IF p_closure IS NOT NULL THEN
        RETURN p_closure;
      ELSIF EXISTS (SELECT 1 FROM assistance a WHERE a.person_id = p_id AND a.voided_at IS NULL)
         OR EXISTS (SELECT 1 FROM payments pm WHERE pm.person_id = p_id AND pm.voided_at IS NULL) THEN
        RETURN 'assisted';
      ELSIF EXISTS (SELECT 1 FROM reflection_periods rp WHERE rp.person_id = p_id AND rp.outcome IS NULL) THEN
        RETURN 'in_reflection';
      END IF;
      RETURN 'new';
    END;
    $$`.execute(db);

  await sql`ALTER TABLE persons ADD COLUMN case_status text`.execute(db);
  await sql`UPDATE persons SET case_status = azad_case_status(id, closure_reason)`.execute(db);
  await sql`ALTER TABLE persons ALTER COLUMN case_status SET NOT NULL`.execute(db);

  // A new person, a closure, or anyone writing the column by hand: worked out again from the rule.
  await sql`
    CREATE FUNCTION persons_case_status() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.case_status := azad_case_status(NEW.id, NEW.closure_reason);
      RETURN NEW;
    END;
    $$`.execute(db);
  await sql`CREATE TRIGGER persons_case_status BEFORE INSERT OR UPDATE OF closure_reason, case_status ON persons
            FOR EACH ROW EXECUTE FUNCTION persons_case_status()`.execute(db);

  // The persons a statement touched (through person_id, old and new), written only where the
  // status changes: adding a service to an assisted person writes nothing.
  await sql`
    CREATE FUNCTION azad_refresh_case_status(p_ids uuid[]) RETURNS void LANGUAGE sql AS $$
      UPDATE persons p SET case_status = azad_case_status(p.id, p.closure_reason)
       WHERE p.id = ANY (p_ids) AND p.case_status IS DISTINCT FROM azad_case_status(p.id, p.closure_reason)
    $$`.execute(db);
  // One function for the three tables and their events; a transition table the event lacks is
  // never named (PL/pgSQL plans a statement when it first runs).
  await sql`
    CREATE FUNCTION case_status_sources_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        PERFORM azad_refresh_case_status(ARRAY(SELECT DISTINCT person_id FROM new_rows));
      ELSIF TG_OP = 'DELETE' THEN
        PERFORM azad_refresh_case_status(ARRAY(SELECT DISTINCT person_id FROM old_rows));
      ELSIF TG_OP = 'UPDATE' THEN
        PERFORM azad_refresh_case_status(ARRAY(SELECT person_id FROM new_rows UNION SELECT person_id FROM old_rows));
      ELSE
        -- TRUNCATE names no rows: every person is worked out again.
        UPDATE persons p SET case_status = azad_case_status(p.id, p.closure_reason)
         WHERE p.case_status IS DISTINCT FROM azad_case_status(p.id, p.closure_reason);
      END IF;
      RETURN NULL;
    END;
    $$`.execute(db);
  for (const t of SOURCES) {
    const on = sql.table(t);
    await sql`CREATE TRIGGER ${sql.ref(`${t}_case_status_ins`)} AFTER INSERT ON ${on} REFERENCING NEW TABLE AS new_rows
              FOR EACH STATEMENT EXECUTE FUNCTION case_status_sources_changed()`.execute(db);
    await sql`CREATE TRIGGER ${sql.ref(`${t}_case_status_upd`)} AFTER UPDATE ON ${on} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
              FOR EACH STATEMENT EXECUTE FUNCTION case_status_sources_changed()`.execute(db);
    await sql`CREATE TRIGGER ${sql.ref(`${t}_case_status_del`)} AFTER DELETE ON ${on} REFERENCING OLD TABLE AS old_rows
              FOR EACH STATEMENT EXECUTE FUNCTION case_status_sources_changed()`.execute(db);
    await sql`CREATE TRIGGER ${sql.ref(`${t}_case_status_trunc`)} AFTER TRUNCATE ON ${on}
              FOR EACH STATEMENT EXECUTE FUNCTION case_status_sources_changed()`.execute(db);
  }

  // The person list (src/victims/persons.ts) among the records lists show (a merged record is read
  // through its survivor): filtered by status in the created, opened and case-code orders (the
  // identified order puts "not yet" last both ways, which no one index gives), and by the year of
  // identification in the default order (a date range would walk the year in identified_on order
  // and sort it); that one carries identified_on and the status so that the list's count reads the
  // index alone (an expression index supplies no column by itself). They replace 0002's indexes
  // for the computed status.
  await sql`DROP INDEX persons_closure_idx`.execute(db);
  await sql`DROP INDEX persons_open_idx`.execute(db);
  await sql`CREATE INDEX persons_status_created_idx ON persons (case_status, created_at, id) WHERE merged_into IS NULL`.execute(db);
  await sql`CREATE INDEX persons_status_opened_idx ON persons (case_status, contact_date, id) WHERE merged_into IS NULL`.execute(db);
  await sql`CREATE INDEX persons_status_code_idx ON persons (case_status, case_code) WHERE merged_into IS NULL`.execute(db);
  await sql`CREATE INDEX persons_identified_year_idx ON persons ((extract(year from identified_on)), created_at, id)
            INCLUDE (identified_on, case_status) WHERE merged_into IS NULL`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of SOURCES) {
    for (const e of ['ins', 'upd', 'del', 'trunc']) await sql`DROP TRIGGER ${sql.ref(`${t}_case_status_${e}`)} ON ${sql.table(t)}`.execute(db);
  }
  await sql`DROP TRIGGER persons_case_status ON persons`.execute(db);
  await sql`DROP FUNCTION case_status_sources_changed()`.execute(db);
  await sql`DROP FUNCTION azad_refresh_case_status(uuid[])`.execute(db);
  await sql`DROP FUNCTION persons_case_status()`.execute(db);
  await sql`DROP INDEX persons_identified_year_idx`.execute(db);
  await sql`ALTER TABLE persons DROP COLUMN case_status`.execute(db);
  await sql`DROP FUNCTION azad_case_status(uuid, text)`.execute(db);
  await sql`CREATE INDEX persons_closure_idx ON persons (closure_reason, created_at, id) WHERE closure_reason IS NOT NULL`.execute(db);
  await sql`CREATE INDEX persons_open_idx ON persons (created_at, id) INCLUDE (closure_reason)
            WHERE closure_reason IS NULL OR closure_reason IN ('assisted', 'in_reflection', 'new')`.execute(db);
}

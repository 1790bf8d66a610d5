import { sql, type Kysely } from 'kysely';

/**
 * Issue 16: the chain becomes keyed (HMAC-SHA-256, computed by the app, whose key the database
 * never sees). Rows written before keep key_id null and verify under the old unkeyed scheme.
 * audit_append computed the unkeyed link inside the database, so it goes; audit_lock_head takes
 * the same advisory lock and returns the head, for the app to chain the next row.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('key_id', 'text').execute();
  await sql`DROP FUNCTION audit_append(timestamptz, uuid, text, uuid, text, text, text, text, integer, text, jsonb, text)`.execute(db);
  // Volatile plpgsql: the select after the lock runs on a fresh snapshot, so it reads the true head.
  await sql`
    CREATE FUNCTION audit_lock_head(OUT head_seq bigint, OUT head_hash text) LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_advisory_xact_lock(7152001);
      SELECT a.seq, a.hash INTO head_seq, head_hash FROM audit_log a ORDER BY a.seq DESC LIMIT 1;
    END;
    $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP FUNCTION IF EXISTS audit_lock_head()`.execute(db);
  await db.schema.alterTable('audit_log').dropColumn('key_id').execute();
  // As 0001 wrote it.
  await sql`
    CREATE FUNCTION audit_append(
      p_at timestamptz, p_actor_id uuid, p_actor_username text, p_actor_agency_id uuid,
      p_action text, p_target_type text, p_target_id text, p_outcome text, p_status integer,
      p_ip text, p_details jsonb, p_content_hash text
    ) RETURNS bigint LANGUAGE plpgsql AS $$
    DECLARE
      v_seq bigint;
      v_prev text;
    BEGIN
      PERFORM pg_advisory_xact_lock(7152001);
      SELECT seq, hash INTO v_seq, v_prev FROM audit_log ORDER BY seq DESC LIMIT 1;
      v_seq := coalesce(v_seq, 0) + 1;
      v_prev := coalesce(v_prev, repeat('0', 64));
      INSERT INTO audit_log (seq, at, actor_id, actor_username, actor_agency_id, action, target_type,
                             target_id, outcome, status, ip, details, content_hash, prev_hash, hash)
      VALUES (v_seq, p_at, p_actor_id, p_actor_username, p_actor_agency_id, p_action, p_target_type,
              p_target_id, p_outcome, p_status, p_ip, p_details, p_content_hash, v_prev,
              encode(sha256(convert_to(v_prev || ':' || v_seq::text || ':' || p_content_hash, 'UTF8')), 'hex'));
      RETURN v_seq;
    END;
    $$`.execute(db);
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log (R-NF-3): an append-only table written by triggers, so that no change of personal,
 * payment or registration data escapes it, whichever code path (entity save, query builder or raw SQL)
 * made it. Who and from where come from settings of the transaction (`mps.actor_person`,
 * `mps.actor_token`, `mps.actor_ip`), which the data source sets at every BEGIN of a request's
 * transaction. Secret columns are named but never copied (a personal code's cipher text and index,
 * token hashes). The anonymous questionnaire answers are deliberately not audited: a row naming who
 * wrote them would undo their anonymity.
 *
 * Rows are never updated or deleted: a trigger refuses it, also to SQL typed by hand. The one
 * exception is erasing a person (R-NF-3), which blanks the values of the rows about that person in
 * the same transaction that anonymises them (`mps.audit_redaction` = the person's id).
 */
export class AuditLog1764690000000 implements MigrationInterface {
  name = 'AuditLog1764690000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_person_id uuid,
        actor_token_id uuid,
        actor_ip text,
        action text NOT NULL CHECK (action IN ('INSERT', 'UPDATE', 'DELETE', 'READ', 'EXPORT', 'ERASE')),
        entity text NOT NULL,
        entity_id text,
        person_id uuid,
        changes jsonb NOT NULL DEFAULT '{}'::jsonb,
        note text
      )`);
    await q.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, id)`);
    await q.query(`CREATE INDEX audit_log_person_idx ON audit_log (person_id, id) WHERE person_id IS NOT NULL`);
    await q.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_person_id, id) WHERE actor_person_id IS NOT NULL`);
    await q.query(`CREATE INDEX audit_log_at_idx ON audit_log (at)`);

    // TG_ARGV: 0 the column that identifies the row, 1 the column naming the person it is about ('' for none),
    // 2 secret columns (comma-separated): their changes are listed with the value "***".
    await q.query(`
      CREATE FUNCTION audit_row() RETURNS trigger LANGUAGE plpgsql AS $fn$
      DECLARE
        old_row jsonb := CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) ELSE '{}'::jsonb END;
        new_row jsonb := CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) ELSE '{}'::jsonb END;
        row_data jsonb := CASE WHEN TG_OP = 'DELETE' THEN old_row ELSE new_row END;
        secret text[] := string_to_array(TG_ARGV[2], ',');
        diff jsonb := '{}'::jsonb;
        key text;
        subject text;
      BEGIN
        FOR key IN SELECT k FROM jsonb_object_keys(old_row || new_row) AS k LOOP
          -- Bookkeeping columns, and the sign-in time (sign-ins are recorded as sessions).
          CONTINUE WHEN key IN ('created_at', 'updated_at', 'search_text', 'last_sign_in_at');
          CONTINUE WHEN (old_row -> key) IS NOT DISTINCT FROM (new_row -> key);
          CONTINUE WHEN TG_OP = 'INSERT' AND jsonb_typeof(new_row -> key) = 'null';
          IF key = ANY(secret) THEN
            diff := diff || jsonb_build_object(key, jsonb_build_object('old', CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE '***' END, 'new', CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE '***' END));
          ELSE
            diff := diff || jsonb_build_object(key, jsonb_build_object('old', old_row -> key, 'new', new_row -> key));
          END IF;
        END LOOP;
        IF TG_OP = 'UPDATE' AND diff = '{}'::jsonb THEN
          RETURN NULL;
        END IF;
        subject := CASE WHEN TG_ARGV[1] = '' THEN NULL ELSE row_data ->> TG_ARGV[1] END;
        INSERT INTO audit_log (actor_person_id, actor_token_id, actor_ip, action, entity, entity_id, person_id, changes)
        VALUES (
          NULLIF(current_setting('mps.actor_person', true), '')::uuid,
          NULLIF(current_setting('mps.actor_token', true), '')::uuid,
          NULLIF(current_setting('mps.actor_ip', true), ''),
          TG_OP, TG_TABLE_NAME, row_data ->> TG_ARGV[0], subject::uuid, diff);
        RETURN NULL;
      END
      $fn$`);
    for (const [table, id, person, secret] of AUDITED) {
      await q.query(
        `CREATE TRIGGER ${table}_audit AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION audit_row('${id}', '${person}', '${secret}')`,
      );
    }

    await q.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          IF OLD.person_id IS NOT NULL AND OLD.person_id::text = current_setting('mps.audit_redaction', true)
             AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.action = OLD.action AND NEW.entity = OLD.entity
             AND NEW.entity_id IS NOT DISTINCT FROM OLD.entity_id AND NEW.person_id = OLD.person_id THEN
            RETURN NEW;
          END IF;
        END IF;
        RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
      END
      $fn$`);
    await q.query(`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
    await q.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table] of AUDITED) await q.query(`DROP TRIGGER IF EXISTS ${table}_audit ON ${table}`);
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_append_only()`);
    await q.query(`DROP FUNCTION audit_row()`);
  }
}

/** table, the column identifying a row, the column naming the person it is about, secret columns. */
export const AUDITED: [table: string, id: string, person: string, secret: string][] = [
  ['person', 'id', 'id', ''],
  ['person_code', 'person_id', 'person_id', 'code_index,code_encrypted'],
  ['person_role', 'person_id', 'person_id', ''],
  ['institution', 'id', '', ''],
  ['institution_coordinator', 'person_id', 'person_id', ''],
  ['employment', 'id', 'person_id', ''],
  ['billing_account', 'id', '', ''],
  ['registration', 'id', 'person_id', ''],
  ['invoice', 'id', 'payer_person_id', ''],
  ['invoice_line', 'id', '', ''],
  ['api_token', 'id', '', 'token_hash'],
  ['certificate', 'id', 'person_id', ''],
];

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Certificates issued (R-AFT-3): one per person and group (unique, so retries and parallel sweeps
 * issue it once), a number from a yearly counter taken under lock (no gaps, no duplicates), an
 * unguessable verification code, and a snapshot of what the certificate states (name, course,
 * hours, date), so that later edits do not change an issued certificate. Revoking keeps the row.
 */
export class Certificates1764692000000 implements MigrationInterface {
  name = 'Certificates1764692000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE certificate
        ADD COLUMN verification_code text NOT NULL DEFAULT replace(gen_random_uuid()::text, '-', ''),
        ADD COLUMN given_name text,
        ADD COLUMN family_name text,
        ADD COLUMN course_title_lv text,
        ADD COLUMN course_title_en text,
        ADD COLUMN hours numeric(6, 2),
        ADD COLUMN completed_on date,
        ADD COLUMN revoked_by uuid REFERENCES person (id),
        ADD COLUMN revoke_reason text`);
    await q.query(`CREATE UNIQUE INDEX certificate_verification_code_key ON certificate (verification_code)`);
    await q.query(`CREATE UNIQUE INDEX certificate_person_group_key ON certificate (person_id, group_id)`);
    await q.query(`CREATE TABLE certificate_counter (year int PRIMARY KEY, last_number int NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE certificate_counter`);
    await q.query(`DROP INDEX certificate_person_group_key`);
    await q.query(`DROP INDEX certificate_verification_code_key`);
    await q.query(`
      ALTER TABLE certificate DROP COLUMN verification_code, DROP COLUMN given_name, DROP COLUMN family_name, DROP COLUMN course_title_lv,
        DROP COLUMN course_title_en, DROP COLUMN hours, DROP COLUMN completed_on, DROP COLUMN revoked_by, DROP COLUMN revoke_reason`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity: personal codes (blind index + ciphertext, never in clear), profile and employer billing
 * details, institution requisites and billing accounts, employment details, coordinator appointments,
 * API tokens, accepted identity assertions (replay protection) and certificates.
 */
export class Identity1764000000000 implements MigrationInterface {
  name = 'Identity1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE person
        ADD COLUMN phone text,
        ADD COLUMN declared_address text,
        ADD COLUMN employer_name text,
        ADD COLUMN employer_registration_number text,
        ADD COLUMN employer_vat_number text,
        ADD COLUMN employer_address text,
        ADD COLUMN employer_invoice_email text,
        ADD COLUMN last_sign_in_at timestamptz,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`
      CREATE TABLE person_code (
        code_index text PRIMARY KEY,
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        code_encrypted text NOT NULL,
        replaced_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX person_code_current_uq ON person_code (person_id) WHERE replaced_at IS NULL`);
    await q.query(`CREATE INDEX person_code_person_idx ON person_code (person_id)`);

    await q.query(`
      ALTER TABLE institution
        ADD COLUMN vat_number text,
        ADD COLUMN legal_address text,
        ADD COLUMN invoice_email text,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`
      CREATE TABLE billing_account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        institution_id uuid NOT NULL REFERENCES institution(id) ON DELETE CASCADE,
        name text NOT NULL,
        number text NOT NULL,
        invoice_email text,
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX billing_account_number_uq ON billing_account (institution_id, number)`);

    await q.query(`
      ALTER TABLE institution_coordinator
        ADD COLUMN appointed_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN appointed_by uuid REFERENCES person(id) ON DELETE SET NULL`);
    await q.query(`
      ALTER TABLE employment
        ADD COLUMN position text,
        ADD COLUMN work_email text,
        ADD COLUMN source text NOT NULL DEFAULT 'COORDINATOR' CHECK (source IN ('COORDINATOR', 'IMPORT', 'STAFF', 'SELF')),
        ADD COLUMN added_by uuid REFERENCES person(id) ON DELETE SET NULL,
        ADD COLUMN ended_by uuid REFERENCES person(id) ON DELETE SET NULL`);
    await q.query(`CREATE INDEX employment_person_idx ON employment (person_id)`);

    await q.query(`
      CREATE TABLE api_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        token_prefix text NOT NULL,
        scopes text[] NOT NULL CHECK (cardinality(scopes) > 0),
        institution_id uuid REFERENCES institution(id) ON DELETE CASCADE,
        created_by uuid REFERENCES person(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE used_assertion (
        id text PRIMARY KEY,
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX used_assertion_expires_idx ON used_assertion (expires_at)`);

    await q.query(`
      CREATE TABLE certificate (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        person_id uuid NOT NULL REFERENCES person(id),
        course_id uuid NOT NULL REFERENCES course(id),
        group_id uuid NOT NULL REFERENCES course_group(id),
        issued_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX certificate_person_idx ON certificate (person_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['certificate', 'used_assertion', 'api_token', 'billing_account', 'person_code']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP INDEX employment_person_idx`);
    await q.query(`ALTER TABLE employment DROP COLUMN position, DROP COLUMN work_email, DROP COLUMN source, DROP COLUMN added_by, DROP COLUMN ended_by`);
    await q.query(`ALTER TABLE institution_coordinator DROP COLUMN appointed_at, DROP COLUMN appointed_by`);
    await q.query(`ALTER TABLE institution DROP COLUMN vat_number, DROP COLUMN legal_address, DROP COLUMN invoice_email, DROP COLUMN updated_at`);
    await q.query(`
      ALTER TABLE person DROP COLUMN phone, DROP COLUMN declared_address, DROP COLUMN employer_name,
        DROP COLUMN employer_registration_number, DROP COLUMN employer_vat_number, DROP COLUMN employer_address,
        DROP COLUMN employer_invoice_email, DROP COLUMN last_sign_in_at, DROP COLUMN updated_at`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a person was erased on request (R-NF-3): the row stays, so what law and statistics keep still
 * adds up. Invoice lines are no longer audited on their own: they are written once with their invoice
 * (whose row is audited) and never change, and their descriptions name the participant, which an
 * audit row not tied to that person could not have blanked at erasure.
 */
export class PersonErasure1764691000000 implements MigrationInterface {
  name = 'PersonErasure1764691000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE person ADD COLUMN erased_at timestamptz`);
    await q.query(`DROP TRIGGER IF EXISTS invoice_line_audit ON invoice_line`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TRIGGER invoice_line_audit AFTER INSERT OR UPDATE OR DELETE ON invoice_line FOR EACH ROW EXECUTE FUNCTION audit_row('id', '', '')`);
    await q.query(`ALTER TABLE person DROP COLUMN erased_at`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Registration: who pays and at what price (frozen when the person registers), who registered
 * them and how, the waiting-list order, and how a registration was cancelled. The one-active-
 * registration index lists the active statuses, so a status added later is not active by accident.
 */
export class Registration1764200000000 implements MigrationInterface {
  name = 'Registration1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE registration
        ADD COLUMN waiting_position int,
        ADD COLUMN payer_kind text NOT NULL DEFAULT 'NONE',
        ADD COLUMN billing_account_id uuid REFERENCES billing_account(id),
        ADD COLUMN payer_snapshot jsonb,
        ADD COLUMN price_cents int NOT NULL DEFAULT 0,
        ADD COLUMN source text NOT NULL DEFAULT 'SELF',
        ADD COLUMN registered_by_id uuid REFERENCES person(id) ON DELETE SET NULL,
        ADD COLUMN cancelled_at timestamptz,
        ADD COLUMN cancelled_by_id uuid REFERENCES person(id) ON DELETE SET NULL,
        ADD COLUMN cancellation_reason text`);
    await q.query(`DROP INDEX registration_active_uq`);
    await q.query(`CREATE UNIQUE INDEX registration_active_uq ON registration (person_id, group_id) WHERE status IN ('CONFIRMED', 'WAITING')`);
    // Existing waiting registrations get their order from when they were made.
    await q.query(`
      UPDATE registration r SET waiting_position = o.n
        FROM (SELECT id, row_number() OVER (PARTITION BY group_id ORDER BY created_at, id) AS n FROM registration WHERE status = 'WAITING') o
       WHERE r.id = o.id`);
    await q.query(`CREATE UNIQUE INDEX registration_waiting_position_uq ON registration (group_id, waiting_position) WHERE status = 'WAITING'`);
    await q.query(`ALTER TABLE registration ADD CONSTRAINT registration_waiting_has_position CHECK ((status = 'WAITING') = (waiting_position IS NOT NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE registration DROP CONSTRAINT registration_waiting_has_position`);
    await q.query(`DROP INDEX registration_waiting_position_uq`);
    await q.query(`DROP INDEX registration_active_uq`);
    await q.query(`CREATE UNIQUE INDEX registration_active_uq ON registration (person_id, group_id) WHERE status <> 'CANCELLED'`);
    await q.query(`
      ALTER TABLE registration
        DROP COLUMN waiting_position, DROP COLUMN payer_kind, DROP COLUMN billing_account_id, DROP COLUMN payer_snapshot,
        DROP COLUMN price_cents, DROP COLUMN source, DROP COLUMN registered_by_id, DROP COLUMN cancelled_at,
        DROP COLUMN cancelled_by_id, DROP COLUMN cancellation_reason`);
  }
}

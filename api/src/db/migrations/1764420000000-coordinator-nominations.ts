import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Coordinator nominations (R-ID-7): a person asks to coordinate an institution, named by its
 * registration number; staff decide. One pending request per person and registration number.
 * `institution_id` is the institution appointed to (set on approval).
 */
export class CoordinatorNominations1764420000000 implements MigrationInterface {
  name = 'CoordinatorNominations1764420000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE coordinator_nomination (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        registration_number text NOT NULL,
        institution_name text NOT NULL,
        position text NOT NULL,
        note text,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REFUSED', 'WITHDRAWN')),
        decision_note text,
        decided_at timestamptz,
        decided_by uuid REFERENCES person(id) ON DELETE SET NULL,
        institution_id uuid REFERENCES institution(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX coordinator_nomination_pending_uq ON coordinator_nomination (person_id, registration_number) WHERE status = 'PENDING'`);
    await q.query(`CREATE INDEX coordinator_nomination_status_idx ON coordinator_nomination (status, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE coordinator_nomination`);
  }
}

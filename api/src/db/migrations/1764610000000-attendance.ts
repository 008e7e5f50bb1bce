import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attendance (R-AFT-5): one mark per session and person, and each course's completion rule, the
 * share of session hours to attend. 80 % by default: one session missed in five still completes;
 * a single-session course needs presence.
 */
export class Attendance1764610000000 implements MigrationInterface {
  name = 'Attendance1764610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE attendance_mark (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES session(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person(id),
        status text NOT NULL CHECK (status IN ('PRESENT', 'ABSENT', 'EXCUSED')),
        marked_by_id uuid NOT NULL REFERENCES person(id),
        marked_at timestamptz NOT NULL,
        CONSTRAINT attendance_mark_session_person_uq UNIQUE (session_id, person_id)
      )`);
    await q.query(`CREATE INDEX attendance_mark_person_idx ON attendance_mark (person_id)`);
    await q.query(`ALTER TABLE course ADD COLUMN min_attendance_percent int NOT NULL DEFAULT 80 CHECK (min_attendance_percent BETWEEN 0 AND 100)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE course DROP COLUMN min_attendance_percent`);
    await q.query(`DROP TABLE attendance_mark`);
  }
}

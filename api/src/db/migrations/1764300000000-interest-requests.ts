import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Interest requests (R-CAT-3): one per person and course, and the last group each person was told
 * about. Deleting a person or a course deletes their requests.
 */
export class InterestRequests1764300000000 implements MigrationInterface {
  name = 'InterestRequests1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE interest_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        course_id uuid NOT NULL REFERENCES course(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_notified_group_id uuid REFERENCES course_group(id) ON DELETE SET NULL,
        last_notified_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX interest_request_person_course_uq ON interest_request (person_id, course_id)`);
    await q.query(`CREATE INDEX interest_request_course_idx ON interest_request (course_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE interest_request`);
  }
}

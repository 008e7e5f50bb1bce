import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Questions to the school (R-SUP-1): the staff queue, answers, and how many one address sent lately. */
export class SupportQuestions1764440000000 implements MigrationInterface {
  name = 'SupportQuestions1764440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE support_question (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid REFERENCES person(id) ON DELETE SET NULL,
        name text NOT NULL,
        email text NOT NULL,
        language text NOT NULL CHECK (language IN ('lv', 'en')),
        course_id uuid REFERENCES course(id) ON DELETE SET NULL,
        text text NOT NULL,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ANSWERED', 'CLOSED')),
        assigned_to uuid REFERENCES person(id) ON DELETE SET NULL,
        answer text,
        answered_at timestamptz,
        answered_by uuid REFERENCES person(id) ON DELETE SET NULL,
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX support_question_status_idx ON support_question (status, created_at)`);
    await q.query(`CREATE INDEX support_question_email_idx ON support_question (lower(email), created_at)`);
    await q.query(`CREATE INDEX support_question_person_idx ON support_question (person_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE support_question`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evaluation questionnaires (R-AFT-1, R-AFT-2). A questionnaire has numbered versions; a published
 * one never changes (its questions are what answers are read against). Who was asked to fill which
 * version is the invitation; who filled it is the completion; what they answered is the response,
 * which holds no person and only the day, so answers cannot be joined back to their author.
 */
export class Questionnaires1764620000000 implements MigrationInterface {
  name = 'Questionnaires1764620000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE questionnaire (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE questionnaire_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        questionnaire_id uuid NOT NULL REFERENCES questionnaire (id) ON DELETE CASCADE,
        number int NOT NULL,
        questions jsonb NOT NULL DEFAULT '[]',
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (questionnaire_id, number)
      )`);
    // At most one draft per questionnaire: editing a published version makes it.
    await q.query(`CREATE UNIQUE INDEX questionnaire_version_one_draft ON questionnaire_version (questionnaire_id) WHERE published_at IS NULL`);
    await q.query(`ALTER TABLE course ADD COLUMN questionnaire_id uuid REFERENCES questionnaire (id)`);
    await q.query(`ALTER TABLE course ADD COLUMN questionnaire_reminders int NOT NULL DEFAULT 3 CHECK (questionnaire_reminders BETWEEN 0 AND 10)`);
    await q.query(`
      CREATE TABLE questionnaire_invitation (
        person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        group_id uuid NOT NULL REFERENCES course_group (id) ON DELETE CASCADE,
        version_id uuid NOT NULL REFERENCES questionnaire_version (id),
        invited_at timestamptz NOT NULL,
        PRIMARY KEY (person_id, group_id)
      )`);
    await q.query(`CREATE INDEX questionnaire_invitation_group_idx ON questionnaire_invitation (group_id)`);
    // No time: only whether the person filled it (the certificate's condition).
    await q.query(`
      CREATE TABLE questionnaire_completion (
        person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        group_id uuid NOT NULL REFERENCES course_group (id) ON DELETE CASCADE,
        PRIMARY KEY (person_id, group_id)
      )`);
    await q.query(`
      CREATE TABLE questionnaire_response (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_id uuid NOT NULL REFERENCES course_group (id) ON DELETE CASCADE,
        version_id uuid NOT NULL REFERENCES questionnaire_version (id),
        lecturer_ids uuid[] NOT NULL DEFAULT '{}',
        submitted_on date NOT NULL,
        answers jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX questionnaire_response_group_idx ON questionnaire_response (group_id)`);
    await q.query(`CREATE INDEX questionnaire_response_lecturers_idx ON questionnaire_response USING gin (lecturer_ids)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE questionnaire_response`);
    await q.query(`DROP TABLE questionnaire_completion`);
    await q.query(`DROP TABLE questionnaire_invitation`);
    await q.query(`ALTER TABLE course DROP COLUMN questionnaire_reminders`);
    await q.query(`ALTER TABLE course DROP COLUMN questionnaire_id`);
    await q.query(`DROP TABLE questionnaire_version`);
    await q.query(`DROP TABLE questionnaire`);
  }
}

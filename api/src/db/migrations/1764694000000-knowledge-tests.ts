import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Knowledge tests (R-AFT-4). A test holds its questions (with options, points and which options are
 * correct) as one JSON document, like a questionnaire version: they are always read and written
 * whole, and once someone has made an attempt they are frozen. Staff invite a group's confirmed
 * participants (one invitation per test, person and group); each attempt keeps its saved answers,
 * its deadline when the test is timed, and its score once closed.
 */
export class KnowledgeTests1764694000000 implements MigrationInterface {
  name = 'KnowledgeTests1764694000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE knowledge_test (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title_lv text NOT NULL,
        title_en text NOT NULL DEFAULT '',
        instructions_lv text NOT NULL DEFAULT '',
        instructions_en text NOT NULL DEFAULT '',
        pass_percent int NOT NULL CHECK (pass_percent BETWEEN 0 AND 100),
        attempts_allowed int NOT NULL CHECK (attempts_allowed >= 1),
        time_limit_minutes int CHECK (time_limit_minutes >= 1),
        questions jsonb NOT NULL DEFAULT '[]',
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE knowledge_test_invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        test_id uuid NOT NULL REFERENCES knowledge_test (id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        group_id uuid NOT NULL REFERENCES course_group (id) ON DELETE CASCADE,
        invited_at timestamptz NOT NULL,
        UNIQUE (test_id, person_id, group_id)
      )`);
    await q.query(`CREATE INDEX knowledge_test_invitation_person_idx ON knowledge_test_invitation (person_id)`);
    await q.query(`CREATE INDEX knowledge_test_invitation_group_idx ON knowledge_test_invitation (group_id)`);
    await q.query(`
      CREATE TABLE knowledge_test_attempt (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        invitation_id uuid NOT NULL REFERENCES knowledge_test_invitation (id) ON DELETE CASCADE,
        number int NOT NULL CHECK (number >= 1),
        started_at timestamptz NOT NULL,
        deadline_at timestamptz,
        answers jsonb NOT NULL DEFAULT '[]',
        submitted_at timestamptz,
        closed_by text CHECK (closed_by IN ('PERSON', 'DEADLINE')),
        score int,
        max_score int,
        passed boolean,
        UNIQUE (invitation_id, number),
        CHECK ((submitted_at IS NULL) = (score IS NULL))
      )`);
    // At most one attempt in progress per invitation: two tabs starting at once get the same one.
    await q.query(`CREATE UNIQUE INDEX knowledge_test_attempt_one_open ON knowledge_test_attempt (invitation_id) WHERE submitted_at IS NULL`);
    await q.query(`CREATE INDEX knowledge_test_attempt_deadline_idx ON knowledge_test_attempt (deadline_at) WHERE submitted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE knowledge_test_attempt`);
    await q.query(`DROP TABLE knowledge_test_invitation`);
    await q.query(`DROP TABLE knowledge_test`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * EU-funded projects (R-FIN-2). A course or a group belongs to at most one project; a group without
 * its own takes its course's. A registration into a project group keeps a snapshot of the answers
 * the ESF+ common indicators need (Regulation (EU) 2021/1057, Annex I), taken with the person's
 * consent at registration and never changed by later profile edits. The snapshot has no audit
 * trigger: the audit log ties rows to a person through a column this table does not have, so an
 * erasure could not blank them there; the registration's own audit rows tell who registered when.
 */
export class EuProjects1764696000000 implements MigrationInterface {
  name = 'EuProjects1764696000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE eu_project (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 100),
        name_lv text NOT NULL CHECK (length(name_lv) BETWEEN 1 AND 300),
        name_en text NOT NULL DEFAULT '',
        fund text NOT NULL CHECK (fund IN ('ESF+', 'ERAF', 'CF', 'RRF', 'OTHER')),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        indicators jsonb NOT NULL DEFAULT '[]'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on >= starts_on)
      )`);
    await q.query(`ALTER TABLE course ADD COLUMN eu_project_id uuid REFERENCES eu_project (id)`);
    await q.query(`ALTER TABLE course_group ADD COLUMN eu_project_id uuid REFERENCES eu_project (id)`);
    await q.query(`CREATE INDEX course_eu_project_idx ON course (eu_project_id) WHERE eu_project_id IS NOT NULL`);
    await q.query(`CREATE INDEX course_group_eu_project_idx ON course_group (eu_project_id) WHERE eu_project_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE registration_indicator_data (
        registration_id uuid PRIMARY KEY REFERENCES registration (id) ON DELETE CASCADE,
        consent_at timestamptz NOT NULL,
        gender text CHECK (gender IN ('FEMALE', 'MALE', 'OTHER')),
        age_band text CHECK (age_band IN ('UNDER_30', 'FROM_30_TO_54', 'FROM_55')),
        employment_status text CHECK (employment_status IN ('EMPLOYED', 'SELF_EMPLOYED', 'UNEMPLOYED', 'LONG_TERM_UNEMPLOYED', 'INACTIVE')),
        education_level text CHECK (education_level IN ('ISCED_0_2', 'ISCED_3_4', 'ISCED_5_8')),
        disability boolean,
        third_country_national boolean,
        foreign_background boolean,
        minority boolean,
        homeless boolean,
        rural boolean,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE registration_indicator_data`);
    await q.query(`ALTER TABLE course_group DROP COLUMN eu_project_id`);
    await q.query(`ALTER TABLE course DROP COLUMN eu_project_id`);
    await q.query(`DROP TABLE eu_project`);
  }
}

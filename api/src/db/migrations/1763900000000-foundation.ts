import type { MigrationInterface, QueryRunner } from 'typeorm';

/** People, institutions, the catalog, scheduling, registrations (for seat counts) and sign-in sessions. */
export class Foundation1763900000000 implements MigrationInterface {
  name = 'Foundation1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE person (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        given_name text NOT NULL,
        family_name text NOT NULL,
        email text,
        preferred_language text NOT NULL DEFAULT 'lv' CHECK (preferred_language IN ('lv', 'en')),
        demo_note text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE person_role (
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('STAFF', 'ADMIN')),
        PRIMARY KEY (person_id, role)
      )`);
    await q.query(`
      CREATE TABLE institution (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        registration_number text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE institution_coordinator (
        institution_id uuid NOT NULL REFERENCES institution(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        PRIMARY KEY (institution_id, person_id)
      )`);
    await q.query(`CREATE INDEX institution_coordinator_person_idx ON institution_coordinator (person_id)`);
    await q.query(`
      CREATE TABLE employment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES person(id),
        institution_id uuid NOT NULL REFERENCES institution(id),
        started_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz,
        CHECK (ended_at IS NULL OR ended_at >= started_at)
      )`);
    await q.query(`CREATE UNIQUE INDEX employment_current_uq ON employment (person_id, institution_id) WHERE ended_at IS NULL`);
    await q.query(`CREATE INDEX employment_institution_idx ON employment (institution_id)`);

    await q.query(`
      CREATE TABLE topic (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name_lv text NOT NULL,
        name_en text NOT NULL,
        sort_order int NOT NULL DEFAULT 0
      )`);
    await q.query(`
      CREATE TABLE course (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        topic_id uuid NOT NULL REFERENCES topic(id),
        title_lv text NOT NULL,
        title_en text NOT NULL DEFAULT '',
        summary_lv text NOT NULL DEFAULT '',
        summary_en text NOT NULL DEFAULT '',
        description_lv text NOT NULL DEFAULT '',
        description_en text NOT NULL DEFAULT '',
        target_audience_lv text NOT NULL DEFAULT '',
        target_audience_en text NOT NULL DEFAULT '',
        language text NOT NULL CHECK (language IN ('LV', 'EN', 'RU')),
        format text NOT NULL CHECK (format IN ('IN_PERSON', 'ONLINE', 'HYBRID')),
        hours numeric(5,1) NOT NULL CHECK (hours > 0),
        price_cents int NOT NULL CHECK (price_cents >= 0),
        visibility text NOT NULL DEFAULT 'PUBLIC' CHECK (visibility IN ('PUBLIC', 'RESTRICTED')),
        search_text text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX course_topic_idx ON course (topic_id)`);
    await q.query(`
      CREATE TABLE course_allowed_institution (
        course_id uuid NOT NULL REFERENCES course(id) ON DELETE CASCADE,
        institution_id uuid NOT NULL REFERENCES institution(id),
        PRIMARY KEY (course_id, institution_id)
      )`);
    await q.query(`CREATE INDEX course_allowed_institution_inst_idx ON course_allowed_institution (institution_id)`);

    await q.query(`
      CREATE TABLE lecturer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        email text,
        person_id uuid UNIQUE REFERENCES person(id)
      )`);
    await q.query(`
      CREATE TABLE place (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        address text NOT NULL,
        room text,
        capacity int NOT NULL CHECK (capacity > 0)
      )`);
    await q.query(`
      CREATE TABLE course_group (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        course_id uuid NOT NULL REFERENCES course(id),
        status text NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED', 'OPEN', 'CONFIRMED', 'CANCELLED', 'COMPLETED')),
        min_size int NOT NULL CHECK (min_size >= 1),
        max_size int NOT NULL,
        registration_deadline timestamptz,
        price_override_cents int CHECK (price_override_cents >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (max_size >= min_size)
      )`);
    await q.query(`CREATE INDEX course_group_course_idx ON course_group (course_id, status)`);
    await q.query(`
      CREATE TABLE session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_id uuid NOT NULL REFERENCES course_group(id) ON DELETE CASCADE,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        place_id uuid REFERENCES place(id),
        online_url text,
        lecturer_id uuid REFERENCES lecturer(id),
        CHECK (ends_at > starts_at),
        CHECK (place_id IS NOT NULL OR online_url IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX session_group_idx ON session (group_id, starts_at)`);
    await q.query(`CREATE INDEX session_lecturer_idx ON session (lecturer_id, starts_at)`);
    await q.query(`CREATE INDEX session_place_idx ON session (place_id, starts_at)`);

    await q.query(`
      CREATE TABLE registration (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES person(id),
        group_id uuid NOT NULL REFERENCES course_group(id),
        status text NOT NULL CHECK (status IN ('CONFIRMED', 'WAITING', 'CANCELLED')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX registration_active_uq ON registration (person_id, group_id) WHERE status <> 'CANCELLED'`);
    await q.query(`CREATE INDEX registration_group_idx ON registration (group_id, status)`);

    await q.query(`
      CREATE TABLE auth_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash text NOT NULL UNIQUE,
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        provider text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX auth_session_person_idx ON auth_session (person_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'auth_session',
      'registration',
      'session',
      'course_group',
      'place',
      'lecturer',
      'course_allowed_institution',
      'course',
      'topic',
      'employment',
      'institution_coordinator',
      'institution',
      'person_role',
      'person',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}

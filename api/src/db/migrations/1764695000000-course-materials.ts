import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Course materials (R-CAT-5): a link or an uploaded file, for a course or one of its groups, public
 * or for its participants. A file's bytes live in the file storage (a folder or an S3 bucket) under
 * a key of ours; `stored_file` describes them. A file belongs to at most one material; one that was
 * uploaded but never attached is removed by the worker after a day.
 */
export class CourseMaterials1764695000000 implements MigrationInterface {
  name = 'CourseMaterials1764695000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stored_file (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        storage_key text NOT NULL UNIQUE,
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
        content_type text NOT NULL,
        size_bytes bigint NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL,
        uploaded_by uuid REFERENCES person (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE course_material (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES course (id) ON DELETE CASCADE,
        group_id uuid REFERENCES course_group (id) ON DELETE CASCADE,
        title_lv text NOT NULL CHECK (length(title_lv) BETWEEN 1 AND 200),
        title_en text NOT NULL DEFAULT '',
        description_lv text NOT NULL DEFAULT '',
        description_en text NOT NULL DEFAULT '',
        visibility text NOT NULL CHECK (visibility IN ('PUBLIC', 'PARTICIPANTS')),
        url text,
        file_id uuid UNIQUE REFERENCES stored_file (id),
        position int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((url IS NULL) <> (file_id IS NULL))
      )`);
    await q.query(`CREATE INDEX course_material_course_idx ON course_material (course_id, position)`);
    await q.query(`CREATE INDEX course_material_group_idx ON course_material (group_id) WHERE group_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE course_material`);
    await q.query(`DROP TABLE stored_file`);
  }
}

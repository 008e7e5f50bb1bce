import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The help page's settings (R-SUP-2): one row, made here, which staff edit in the console.
 * The CHECK keeps it one row.
 */
export class HelpSettings1764500000000 implements MigrationInterface {
  name = 'HelpSettings1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE help_settings (
        id smallint PRIMARY KEY CHECK (id = 1),
        video_url text,
        updated_at timestamptz,
        updated_by uuid REFERENCES person(id) ON DELETE SET NULL
      )`);
    await q.query(`INSERT INTO help_settings (id) VALUES (1)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE help_settings`);
  }
}

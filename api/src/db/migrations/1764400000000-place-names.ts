import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A place's name and room in English, for English e-mails, calendar entries and pages. Optional:
 * a place without them shows its Latvian (or language-neutral) name.
 */
export class PlaceNames1764400000000 implements MigrationInterface {
  name = 'PlaceNames1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE place ADD COLUMN name_en text, ADD COLUMN room_en text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE place DROP COLUMN name_en, DROP COLUMN room_en`);
  }
}

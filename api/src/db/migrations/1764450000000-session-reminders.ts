import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Session reminders (R-NOT-1): how many days before each session a course's participants are
 * reminded (0: not at all), and an index for the sweep that finds sessions starting soon.
 */
export class SessionReminders1764450000000 implements MigrationInterface {
  name = 'SessionReminders1764450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE course ADD COLUMN reminder_days_before int NOT NULL DEFAULT 1 CHECK (reminder_days_before BETWEEN 0 AND 14)`);
    await q.query(`CREATE INDEX session_starts_at_idx ON session (starts_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX session_starts_at_idx`);
    await q.query(`ALTER TABLE course DROP COLUMN reminder_days_before`);
  }
}

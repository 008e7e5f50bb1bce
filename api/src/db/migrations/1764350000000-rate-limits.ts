import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate limit counts shared by every api instance on one PostgreSQL (rate-limiter-flexible's table,
 * as that library would create it; a migration makes it so instances starting together do not race).
 */
export class RateLimits1764350000000 implements MigrationInterface {
  name = 'RateLimits1764350000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rate_limit (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limit`);
  }
}

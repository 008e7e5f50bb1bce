import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications: the e-mail outbox, schedule change events, calendar feeds, the iCalendar sequence
 * of sessions, a group's cancellation reason, and Agenda's job table for the PostgreSQL job store
 * (created here rather than by Agenda at start, so that instances starting together do not race).
 */
export class Notifications1764100000000 implements MigrationInterface {
  name = 'Notifications1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE session ADD COLUMN sequence int NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE course_group ADD COLUMN cancellation_reason text`);
    await q.query(`
      CREATE TABLE outbox_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        idempotency_key text NOT NULL UNIQUE,
        kind text NOT NULL,
        language text NOT NULL,
        person_id uuid REFERENCES person(id) ON DELETE SET NULL,
        to_address text,
        to_name text NOT NULL,
        subject text NOT NULL,
        html text NOT NULL,
        text text NOT NULL,
        attachments jsonb NOT NULL DEFAULT '[]'::jsonb,
        message_id text NOT NULL UNIQUE,
        group_id uuid REFERENCES course_group(id) ON DELETE SET NULL,
        status text NOT NULL DEFAULT 'PENDING',
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        locked_until timestamptz,
        last_error text,
        channel text,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX outbox_message_due_idx ON outbox_message (status, next_attempt_at)`);
    await q.query(`CREATE INDEX outbox_message_created_idx ON outbox_message (created_at DESC)`);
    await q.query(`CREATE INDEX outbox_message_person_idx ON outbox_message (person_id)`);
    await q.query(`
      CREATE TABLE schedule_change (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_id uuid NOT NULL REFERENCES course_group(id) ON DELETE CASCADE,
        kind text NOT NULL,
        sessions jsonb NOT NULL,
        changed_by uuid REFERENCES person(id) ON DELETE SET NULL,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX schedule_change_group_idx ON schedule_change (group_id, changed_at)`);
    await q.query(`
      CREATE TABLE calendar_feed (
        person_id uuid PRIMARY KEY REFERENCES person(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz
      )`);
    // Agenda's job table exactly as @agendajs/postgres-backend 3.0.6 creates it (frozen here).
    await q.query(`
      CREATE TABLE agenda_jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(255) NOT NULL,
        priority integer NOT NULL DEFAULT 0,
        next_run_at timestamptz,
        type varchar(10) NOT NULL DEFAULT 'normal' CHECK (type IN ('normal', 'single')),
        locked_at timestamptz,
        last_finished_at timestamptz,
        failed_at timestamptz,
        fail_count integer DEFAULT NULL,
        fail_reason text,
        repeat_timezone varchar(100),
        last_run_at timestamptz,
        repeat_interval varchar(255),
        data jsonb DEFAULT '{}'::jsonb,
        repeat_at varchar(255),
        disabled boolean DEFAULT false,
        progress real,
        fork boolean DEFAULT false,
        last_modified_by varchar(255),
        debounce_started_at timestamptz,
        start_date timestamptz,
        end_date timestamptz,
        skip_days jsonb,
        created_at timestamptz DEFAULT now(),
        updated_at timestamptz DEFAULT now()
      )`);
    await q.query(`CREATE INDEX agenda_jobs_find_and_lock_idx ON agenda_jobs (name, next_run_at, priority DESC, locked_at, disabled) WHERE disabled = false`);
    await q.query(`CREATE UNIQUE INDEX agenda_jobs_single_job_idx ON agenda_jobs (name) WHERE type = 'single'`);
    await q.query(`CREATE INDEX agenda_jobs_locked_at_idx ON agenda_jobs (locked_at) WHERE locked_at IS NOT NULL`);
    await q.query(`CREATE INDEX agenda_jobs_next_run_at_idx ON agenda_jobs (next_run_at) WHERE next_run_at IS NOT NULL`);
    await q.query(`
      CREATE OR REPLACE FUNCTION update_agenda_jobs_updated_at() RETURNS trigger AS $$
      BEGIN
        NEW.updated_at = now();
        RETURN NEW;
      END;
      $$ LANGUAGE plpgsql`);
    await q.query(`
      CREATE TRIGGER agenda_jobs_updated_at_trigger BEFORE UPDATE ON agenda_jobs
      FOR EACH ROW EXECUTE FUNCTION update_agenda_jobs_updated_at()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE agenda_jobs`);
    await q.query(`DROP FUNCTION update_agenda_jobs_updated_at()`);
    await q.query(`DROP TABLE calendar_feed`);
    await q.query(`DROP TABLE schedule_change`);
    await q.query(`DROP TABLE outbox_message`);
    await q.query(`ALTER TABLE course_group DROP COLUMN cancellation_reason`);
    await q.query(`ALTER TABLE session DROP COLUMN sequence`);
  }
}

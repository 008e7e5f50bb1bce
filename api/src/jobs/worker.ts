import type { DataSource } from 'typeorm';
import type { Config } from '../config.js';
import { createMailTransport } from '../modules/notifications/mail-transport.js';
import { OutboxDelivery, type DeliveryOptions } from '../modules/notifications/outbox-delivery.js';
import type { Services } from '../services.js';
import { startJobRunner, type JobLog, type JobRunner } from './job-runner.js';

/** The job that queues reminders before sessions; recurring. */
export const SESSION_REMINDERS = 'session-reminders.sweep';
const SESSION_REMINDERS_EVERY_MS = 60_000;

/** The job that invites to the evaluation questionnaire and reminds until it is filled; recurring. */
export const QUESTIONNAIRE_NOTICES = 'questionnaire-notices.sweep';
export const CERTIFICATES = 'certificates.sweep';
/** Uploaded files no course material took within a day are removed; hourly. */
export const ORPHAN_FILES = 'materials.orphan-files';
const ORPHAN_FILES_EVERY_MS = 3600_000;

/** The job that empties the outbox; recurring, and also run at once when a change in this process queued mail. */
export const DELIVER_OUTBOX = 'outbox.deliver';
const DELIVER_OUTBOX_LOCK_MS = 30_000;

export interface Worker {
  runner: JobRunner;
  delivery: OutboxDelivery;
  /** Takes no new work, lets e-mails being sent and running jobs finish, closes the job store. */
  stop(): Promise<void>;
}

export interface WorkerOptions {
  config: Pick<Config, 'mongodbUrl' | 'smtpUrl' | 'mailFrom' | 'jobPollMs'>;
  databaseUrl: string;
  /** PGlite: Agenda finds due jobs by polling alone. */
  embedded: boolean;
  dataSource: DataSource;
  services: Services;
  log: JobLog;
  delivery?: DeliveryOptions;
  /** Agenda tuning; tests shorten the lock lifetime, whose check timer otherwise keeps a process alive for minutes. */
  jobs?: { lockLifetimeMs?: number };
}

/** The job side of a process (MPS_ROLE=worker or all). */
export async function startWorker(options: WorkerOptions): Promise<Worker> {
  const { config, log } = options;
  const transport = createMailTransport(config.smtpUrl?.reveal() ?? null, config.mailFrom);
  const { health } = options.services;
  const delivery = new OutboxDelivery(options.dataSource, transport, log, { link: health.link('mail', 'E-mail delivery'), ...options.delivery });
  const runner = await startJobRunner({
    link: health.link('jobs', 'The job store'),
    databaseUrl: options.databaseUrl,
    mongodbUrl: config.mongodbUrl?.reveal() ?? null,
    embedded: options.embedded,
    processEveryMs: config.jobPollMs,
    log,
    ensureSchema: false, // the migration made the table
    lockLifetimeMs: options.jobs?.lockLifetimeMs,
    // The job only starts a delivery: OutboxDelivery runs one at a time per process and claims under a
    // lease, and a delivery that keeps finding work may outlast any job lock. The job itself ends at
    // once, so its lock can be short: a lock left behind when the database went away mid-run
    // (the job's end could not be recorded) holds the recurring job back only this long.
    define: (r) => {
      r.define(
        DELIVER_OUTBOX,
        async () => {
          delivery.deliverSoon();
        },
        { concurrency: 1, lockLifetimeMs: options.jobs?.lockLifetimeMs ?? DELIVER_OUTBOX_LOCK_MS },
      );
      // A sweep that finds nothing is one indexed query; a reminder is at most a minute late.
      r.define(SESSION_REMINDERS, async () => options.services.sessionReminders.sweepSoon(log), { concurrency: 1 });
      r.define(QUESTIONNAIRE_NOTICES, async () => options.services.questionnaireNotices.sweepSoon(log), { concurrency: 1 });
      r.define(CERTIFICATES, async () => options.services.certificateIssuer.sweepSoon(log), { concurrency: 1 });
      r.define(
        ORPHAN_FILES,
        async () => {
          const removed = await options.services.materials.removeOrphanFiles();
          if (removed > 0) log.info(`Removed ${removed} uploaded file(s) no course material took`);
        },
        { concurrency: 1 },
      );
    },
  });
  try {
    await runner.every(config.jobPollMs, DELIVER_OUTBOX);
    await runner.every(Math.min(SESSION_REMINDERS_EVERY_MS, config.jobPollMs * 10), SESSION_REMINDERS);
    // The same rhythm: an invitation or reminder is at most a minute late.
    await runner.every(Math.min(SESSION_REMINDERS_EVERY_MS, config.jobPollMs * 10), QUESTIONNAIRE_NOTICES);
    // Certificates (R-AFT-3): at most a minute after attendance is marked; at once after a questionnaire is filled.
    await runner.every(Math.min(SESSION_REMINDERS_EVERY_MS, config.jobPollMs * 10), CERTIFICATES);
    await runner.every(ORPHAN_FILES_EVERY_MS, ORPHAN_FILES);
  } catch (error) {
    await runner.stop();
    throw error;
  }
  const unsubscribe = options.services.notifications.onQueued(() => delivery.deliverSoon());
  // After a database restart, what other instances queued meanwhile goes out now, not at the next
  // look for due jobs (which may wait for the lock of the job that was running when it went away).
  const unwatch = runner.link.whenRestored(() => delivery.deliverSoon());
  delivery.deliverSoon(); // whatever was queued while no worker ran
  let stopping: Promise<void> | null = null;
  return {
    runner,
    delivery,
    stop: () =>
      (stopping ??= (async () => {
        unsubscribe();
        unwatch();
        await delivery.stop();
        await runner.stop();
        // A sweep the last job started ends before the database closes (what it queues waits in the outbox).
        await options.services.sessionReminders.idle();
        await options.services.questionnaireNotices.idle();
        await options.services.certificateIssuer.idle();
      })()),
  };
}

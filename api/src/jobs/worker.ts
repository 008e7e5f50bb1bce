import type { DataSource } from 'typeorm';
import type { Config } from '../config.js';
import { createMailTransport } from '../modules/notifications/mail-transport.js';
import { OutboxDelivery, type DeliveryOptions } from '../modules/notifications/outbox-delivery.js';
import type { Services } from '../services.js';
import { startJobRunner, type JobLog, type JobRunner } from './job-runner.js';

/** The job that empties the outbox; recurring, and also run at once when a change in this process queued mail. */
export const DELIVER_OUTBOX = 'outbox.deliver';

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
  const delivery = new OutboxDelivery(options.dataSource, transport, log, options.delivery);
  const runner = await startJobRunner({
    databaseUrl: options.databaseUrl,
    mongodbUrl: config.mongodbUrl?.reveal() ?? null,
    embedded: options.embedded,
    processEveryMs: config.jobPollMs,
    log,
    ensureSchema: false, // the migration made the table
    lockLifetimeMs: options.jobs?.lockLifetimeMs,
    // The job only starts a delivery: OutboxDelivery runs one at a time per process and claims under a
    // lease, and a delivery that keeps finding work may outlast any job lock.
    define: (r) =>
      r.define(
        DELIVER_OUTBOX,
        async () => {
          delivery.deliverSoon();
        },
        { concurrency: 1, lockLifetimeMs: options.jobs?.lockLifetimeMs },
      ),
  });
  try {
    await runner.every(config.jobPollMs, DELIVER_OUTBOX);
  } catch (error) {
    await runner.stop();
    throw error;
  }
  const unsubscribe = options.services.notifications.onQueued(() => delivery.deliverSoon());
  delivery.deliverSoon(); // whatever was queued while no worker ran
  let stopping: Promise<void> | null = null;
  return {
    runner,
    delivery,
    stop: () =>
      (stopping ??= (async () => {
        unsubscribe();
        await delivery.stop();
        await runner.stop();
      })()),
  };
}

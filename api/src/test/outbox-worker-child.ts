/**
 * A delivery worker and nothing else, for outbox-crash.test.ts, which kills it with SIGKILL at
 * random moments. Reads DATABASE_URL and SMTP_URL, OUTBOX_LEASE_MS (default 1500: short, so that
 * the next worker soon takes over the claims of a killed one) and OUTBOX_BATCH_SIZE (default 10:
 * claims often, so that kills land between claims too); prints "ready" once connected, then
 * delivers until nothing is left to deliver, and exits 0.
 *
 * Compiled by the api build (tsconfig.tools.json lists it) into dist-tools/test/outbox-worker-child.js.
 */
import 'reflect-metadata';
import { setTimeout as sleep } from 'node:timers/promises';
import { createDataSource } from '../db/data-source.js';
import { createMailTransport } from '../modules/notifications/mail-transport.js';
import { OutboxDelivery } from '../modules/notifications/outbox-delivery.js';

const databaseUrl = process.env.DATABASE_URL;
const smtpUrl = process.env.SMTP_URL;
if (!databaseUrl || !smtpUrl) {
  console.error('outbox-worker-child: DATABASE_URL and SMTP_URL must be set');
  process.exit(2);
}
const leaseMs = Number(process.env.OUTBOX_LEASE_MS ?? 1500);
const batchSize = Number(process.env.OUTBOX_BATCH_SIZE ?? 10);
const log = { error: (message: string, error?: unknown) => console.error(`outbox-worker-child: ${message}`, error ?? '') };

const dataSource = createDataSource({ url: databaseUrl, poolSize: 3 });
await dataSource.initialize();
const delivery = new OutboxDelivery(dataSource, createMailTransport(smtpUrl, 'MPS <noreply@mps.test>'), log, {
  leaseMs,
  batchSize,
  // A failed send (none is expected) comes back soon instead of in 30 s; claims taken by killed
  // workers count as attempts, so the limit is far away.
  retryDelayMs: () => 200,
  maxAttempts: 1000,
});
process.stdout.write('ready\n');

for (;;) {
  const report = await delivery.deliverDue();
  const [{ left }]: { left: number }[] = await dataSource.query(`SELECT count(*)::int AS left FROM outbox_message WHERE status IN ('PENDING', 'SENDING')`);
  if (left === 0) break;
  // What is left is claimed by a killed worker (its lease has not run out yet) or waits for a retry.
  if (report.sent + report.retrying + report.failed === 0) await sleep(50);
}
await delivery.stop();
await dataSource.destroy();

import { In, type DataSource } from 'typeorm';
import { ConnectionLink, isConnectionError } from '../../db/connection-health.js';
import { DeliveryError, type MailTransport } from './mail-transport.js';
import { OutboxMessage, OutboxStatus } from './outbox-message.entity.js';

export interface DeliveryOptions {
  /** Messages claimed per round trip. */
  batchSize?: number;
  /** Messages being sent at once (the SMTP pool's connections). */
  concurrency?: number;
  /** How long a claim lasts: a worker that dies holding messages frees them after this. */
  leaseMs?: number;
  /** Attempts before a message that keeps failing for now is given up. */
  maxAttempts?: number;
  /** The wait after the n-th failed attempt. */
  retryDelayMs?: (attempt: number) => number;
  /** One run stops claiming after this long; the next run goes on. */
  maxRunMs?: number;
  log?: { error(message: string, error?: unknown): void };
  /** Where a lost database connection is reported; while it is lost, delivery tries again every few seconds. */
  link?: ConnectionLink;
  /** The longest wait between those tries. Default 5000. */
  maxReconnectDelayMs?: number;
}

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
}

/** 30 s, 1 min, 2 min ... at most an hour, with a little jitter so a backlog does not retry in lockstep. */
export function defaultRetryDelayMs(attempt: number): number {
  const base = Math.min(30_000 * 2 ** (attempt - 1), 3_600_000);
  return Math.round(base * (0.9 + Math.random() * 0.2));
}

/**
 * Delivers the outbox. A message is claimed (SENDING until a lease runs out, the attempt counted)
 * before it is sent and marked SENT right after the server accepted it. A crash between the two is
 * the one case that sends twice, with the same Message-ID; a crash anywhere else loses nothing,
 * because an unfinished claim simply expires and the message is due again.
 */
export class OutboxDelivery {
  private readonly options: Required<Omit<DeliveryOptions, 'log' | 'link'>>;
  private readonly link: ConnectionLink | null;
  private running: Promise<DeliveryReport> | null = null;
  private again = false;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryDelayMs = 250;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: MailTransport,
    private readonly log: DeliveryOptions['log'] = { error: () => {} },
    options: DeliveryOptions = {},
  ) {
    this.options = {
      batchSize: options.batchSize ?? 50,
      concurrency: options.concurrency ?? 5,
      leaseMs: options.leaseMs ?? 120_000,
      maxAttempts: options.maxAttempts ?? 8,
      retryDelayMs: options.retryDelayMs ?? defaultRetryDelayMs,
      maxRunMs: options.maxRunMs ?? 30_000,
      maxReconnectDelayMs: options.maxReconnectDelayMs ?? 5000,
    };
    if (options.log) this.log = options.log;
    this.link = options.link ?? null;
  }

  /** Delivers what is due now. Runs one at a time per process; a call during a run makes it go round once more. */
  deliverDue(): Promise<DeliveryReport> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      const total: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
      try {
        do {
          this.again = false;
          const report = await this.run();
          total.sent += report.sent;
          total.retrying += report.retrying;
          total.failed += report.failed;
        } while (this.again && !this.stopped);
        this.retryDelayMs = 250;
        this.link?.restored();
      } finally {
        this.running = null;
      }
      return total;
    })();
    return this.running;
  }

  /** Starts a delivery without waiting for it (after a change queued messages). */
  deliverSoon(): void {
    if (this.stopped) return;
    this.deliverDue().catch((error) => {
      if (!isConnectionError(error)) return this.log?.error('Delivering e-mails failed', error);
      // The database is away (a restart): what is due waits in the outbox, and is tried again soon.
      this.link?.lost(error);
      this.retrySoon();
    });
  }

  /** No new claims; waits for the messages being sent. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.running?.catch(() => {});
    this.transport.close();
  }

  private retrySoon(): void {
    if (this.retryTimer || this.stopped) return;
    const delay = this.retryDelayMs;
    this.retryDelayMs = Math.min(this.retryDelayMs * 2, this.options.maxReconnectDelayMs);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.deliverSoon();
    }, delay);
  }

  private async run(): Promise<DeliveryReport> {
    const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
    const started = Date.now();
    while (!this.stopped && Date.now() - started < this.options.maxRunMs) {
      const batch = await this.claim();
      if (batch.length === 0) break;
      let next = 0;
      const worker = async () => {
        while (next < batch.length) {
          const outcome = await this.deliver(batch[next++]);
          report[outcome] += 1;
        }
      };
      // Every sender finishes (and records) its message before this run ends, also when another failed:
      // a new run must not start while messages of this one are still being sent.
      const outcomes = await Promise.allSettled(Array.from({ length: Math.min(this.options.concurrency, batch.length) }, worker));
      const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
      if (failure) throw failure.reason;
    }
    return report;
  }

  /** Due messages, and messages whose claim expired (their worker died), become this worker's. */
  private async claim(): Promise<OutboxMessage[]> {
    // Wrapped in a SELECT: for a bare UPDATE, TypeORM answers [rows, count] instead of the rows.
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH claimed AS (
         UPDATE outbox_message SET status = 'SENDING', attempts = attempts + 1,
                locked_until = now() + $2 * interval '1 millisecond'
          WHERE id IN (SELECT id FROM outbox_message
                        WHERE (status = 'PENDING' AND next_attempt_at <= now())
                           OR (status = 'SENDING' AND locked_until < now())
                        ORDER BY next_attempt_at, created_at
                        LIMIT $1
                        FOR UPDATE SKIP LOCKED)
          RETURNING id)
       SELECT id FROM claimed`,
      [this.options.batchSize, this.options.leaseMs],
    );
    if (rows.length === 0) return [];
    const messages = await this.dataSource.getRepository(OutboxMessage).findBy({ id: In(rows.map((r) => r.id)) });
    return messages.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }

  private async deliver(message: OutboxMessage): Promise<keyof DeliveryReport> {
    try {
      await this.transport.send(message);
    } catch (error) {
      const failure = error instanceof DeliveryError ? error : new DeliveryError(String((error as Error)?.message ?? error), false);
      const giveUp = failure.permanent || message.attempts >= this.options.maxAttempts;
      await this.recording(
        `UPDATE outbox_message SET status = $2, last_error = $3, locked_until = NULL,
                next_attempt_at = CASE WHEN $2 = 'PENDING' THEN now() + $4 * interval '1 millisecond' ELSE NULL END
          WHERE id = $1 AND status = 'SENDING'`,
        [message.id, giveUp ? OutboxStatus.FAILED : OutboxStatus.PENDING, failure.message, this.options.retryDelayMs(message.attempts)],
      );
      return giveUp ? 'failed' : 'retrying';
    }
    await this.recording(
      `UPDATE outbox_message SET status = 'SENT', sent_at = now(), channel = $2, locked_until = NULL, last_error = NULL, next_attempt_at = NULL
        WHERE id = $1`,
      [message.id, this.transport.channel],
    );
    return 'sent';
  }

  /**
   * Records what became of a message. The server has already accepted it (or refused it), so a
   * database that is away for a moment is waited for, up to half the claim: given up, the message
   * would be sent again once its claim ran out.
   */
  private async recording(sql: string, parameters: unknown[]): Promise<void> {
    const deadline = Date.now() + Math.min(this.options.leaseMs / 2, 60_000);
    for (let wait = 100; ; wait = Math.min(wait * 2, 2000)) {
      try {
        await this.dataSource.query(sql, parameters);
        return;
      } catch (error) {
        if (!isConnectionError(error) || Date.now() + wait > deadline) throw error;
        this.link?.lost(error);
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }
}

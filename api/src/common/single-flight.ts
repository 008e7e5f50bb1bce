import { connectionReason, isConnectionError } from '../db/connection-health.js';

/**
 * At most one run of a task at a time: `start` begins a run unless one is in flight, and `idle`
 * waits for the one in flight (before the database closes). A failed run is logged and forgotten,
 * so the next start retries. When the database was away, the log gets one line: the parts that
 * watch the connection report the outage, and a stack would say nothing more. The recurring sweeps
 * use it: their job ends at once, so a sweep's length never outlives the job's lock.
 */
export class SingleFlight {
  private running: Promise<void> | null = null;

  constructor(
    private readonly task: () => Promise<unknown>,
    private readonly failure: string,
  ) {}

  start(log: { error(message: string, error?: unknown): void }): void {
    this.running ??= this.task()
      .then(
        () => undefined,
        (error: unknown) =>
          isConnectionError(error) ? log.error(`${this.failure} (the database was unavailable: ${connectionReason(error)})`) : log.error(this.failure, error),
      )
      .finally(() => {
        this.running = null;
      });
  }

  async idle(): Promise<void> {
    await this.running;
  }
}

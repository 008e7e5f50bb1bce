import { SingleFlight } from '../../common/single-flight.js';
import type { CertificatesService } from './certificates.service.js';

/** The recurring certificate sweep (a job of the worker), also started right after a questionnaire is filled. */
export class CertificateIssuer {
  private readonly sweeps: SingleFlight;

  constructor(private readonly certificates: CertificatesService) {
    this.sweeps = new SingleFlight(() => this.certificates.issueDue(), 'Certificate sweep failed; the next one retries');
  }

  /** Starts a sweep unless one is running; failures are logged and the next sweep retries. */
  sweepSoon(log: { error(message: string, error?: unknown): void }): void {
    this.sweeps.start(log);
  }

  /** Resolves when no sweep is running (before the database closes). */
  idle(): Promise<void> {
    return this.sweeps.idle();
  }
}

import type express from 'express';
import { ErrorCode } from '../common/errors.js';

export interface AdmissionLimits {
  /** Requests worked on at once; more wait in line. */
  concurrent: number;
  /** How long a request may wait in line before it is turned away (ms). */
  maxWaitMs: number;
  /** How many may wait; one more is turned away at once. */
  maxQueue: number;
}

export interface AdmissionStats {
  running: number;
  queued: number;
  /** Turned away since the start, because the line was full or the wait too long. */
  refused: number;
}

interface Waiting {
  admit(): void;
  since: number;
}

/**
 * Load shedding in front of the database (issue 15 §6). Without it an overloaded instance (on
 * the embedded database the queries run on the same thread as HTTP) lets its queue of requests
 * grow without end: every answer comes later, until clients give up after their own timeout and
 * the work done for them is wasted. Here at most `concurrent` requests run; the rest wait in
 * line for at most `maxWaitMs`, and are then answered 503 SERVICE_BUSY with Retry-After. Nothing
 * has run for a refused request, so a client may send it again, mutations included.
 */
export class AdmissionGate {
  private running = 0;
  private refused = 0;
  private readonly line: Waiting[] = [];
  /** Recent time a request held its place (ms), smoothed; estimates the Retry-After. */
  private serviceMs = 50;

  constructor(private readonly limits: AdmissionLimits) {}

  stats(): AdmissionStats {
    return { running: this.running, queued: this.line.length, refused: this.refused };
  }

  /** How long one more would likely wait: those ahead of it, `concurrent` at a time, at the recent pace. */
  private expectedWaitMs(): number {
    return ((this.line.length + 1) * this.serviceMs) / this.limits.concurrent;
  }

  /** Seconds until the line ahead has likely cleared: at least 1, at most 30. */
  retryAfterSeconds(): number {
    const ahead = this.line.length + this.running;
    return Math.min(30, Math.max(1, Math.ceil((ahead * this.serviceMs) / this.limits.concurrent / 1000)));
  }

  readonly middleware: express.RequestHandler = (_req, res, next) => {
    const start = () => {
      this.running += 1;
      const began = Date.now();
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        this.running -= 1;
        this.serviceMs = 0.8 * this.serviceMs + 0.2 * (Date.now() - began);
        this.admitNext();
      };
      res.once('finish', release);
      res.once('close', release);
      next();
    };
    if (this.running < this.limits.concurrent && this.line.length === 0) return start();
    // A line it would not get through in time: turned away now rather than after waiting for nothing.
    if (this.line.length >= this.limits.maxQueue || this.expectedWaitMs() > this.limits.maxWaitMs) return this.refuse(res);

    const waiting: Waiting = { since: Date.now(), admit: () => undefined };
    const leave = () => {
      const at = this.line.indexOf(waiting);
      if (at >= 0) this.line.splice(at, 1);
    };
    const timer = setTimeout(() => {
      leave();
      this.refuse(res);
    }, this.limits.maxWaitMs);
    waiting.admit = () => {
      clearTimeout(timer);
      res.off('close', gone);
      start();
    };
    // A client that gives up while waiting frees its place in line.
    const gone = () => {
      clearTimeout(timer);
      leave();
    };
    res.once('close', gone);
    this.line.push(waiting);
  };

  private admitNext(): void {
    while (this.running < this.limits.concurrent && this.line.length > 0) {
      this.line.shift()!.admit();
    }
  }

  private refuse(res: express.Response): void {
    this.refused += 1;
    const seconds = this.retryAfterSeconds();
    res.setHeader('Retry-After', String(seconds));
    res.status(503).json({
      errors: [
        {
          message: `The system is busy; try again in ${seconds} s`,
          extensions: { code: ErrorCode.SERVICE_BUSY, retryAfterSeconds: seconds },
        },
      ],
    });
  }
}

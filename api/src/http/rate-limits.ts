import { createHash } from 'node:crypto';
import type http from 'node:http';
import type express from 'express';
import type { Pool } from 'pg';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Config } from '../config.js';
import { ErrorCode } from '../common/errors.js';
import { SESSION_COOKIE, readCookies } from './cookies.js';

/** The table the PostgreSQL store keeps its counts in (made by a migration). */
export const RATE_LIMIT_TABLE = 'rate_limit';

const WINDOW_S = 60;

/** One limit: so many requests per minute per key; `null` when the limit is off. */
type Limit = RateLimiterAbstract | null;

export interface RateLimits {
  graphql: Limit;
  signIn: Limit;
  calendar: Limit;
}

/**
 * Requests per minute (issue 14): GraphQL per session or, without one, per address; sign-in
 * posts per address; calendar feed reads per feed. With a real PostgreSQL the counts live there,
 * so every instance counts together; on embedded PGlite (one process) they are kept in memory.
 * When the database does not answer, each instance goes on counting in memory meanwhile.
 */
export function createRateLimits(limits: Config['limits'], pool: Pool | null): RateLimits {
  const make = (name: string, points: number): Limit => {
    if (points === 0) return null;
    const options = { keyPrefix: name, points, duration: WINDOW_S };
    if (!pool) return new RateLimiterMemory(options);
    return new RateLimiterPostgres({
      ...options,
      storeClient: pool,
      storeType: 'pool',
      tableName: RATE_LIMIT_TABLE,
      tableCreated: true,
      clearExpiredByTimeout: true,
      insuranceLimiter: new RateLimiterMemory(options),
    });
  };
  return {
    graphql: make('graphql', limits.graphqlPerMinute),
    signIn: make('sign-in', limits.signInPerMinute),
    calendar: make('calendar', limits.calendarPerMinute),
  };
}

/**
 * The client's address: the connection's, or, behind a proxy on this machine (loopback), the
 * nearest address the proxy names, as express's `trust proxy` setting does for HTTP requests.
 */
export function clientAddress(req: http.IncomingMessage): string {
  const remote = req.socket.remoteAddress ?? 'unknown';
  const loopback = remote === '127.0.0.1' || remote === '::1' || remote === '::ffff:127.0.0.1';
  const forwarded = req.headers['x-forwarded-for'];
  if (!loopback || typeof forwarded !== 'string') return remote;
  return (
    forwarded
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .pop() ?? remote
  );
}

const hashed = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 32);

/** GraphQL: a signed-in person (or an API token) counts on their own; anonymous callers per address. */
export function graphqlKey(req: express.Request): string {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (bearer) return `token:${hashed(bearer)}`;
  const session = readCookies(req)[SESSION_COOKIE];
  if (session) return `session:${hashed(session)}`;
  return `address:${clientAddress(req)}`;
}

/** A calendar feed counts on its own; its secret token is kept only hashed. */
export function feedKey(req: express.Request): string {
  return `feed:${hashed(req.path)}`;
}

/**
 * Counts each request against `limit` under `keyOf(req)`; over it, 429 with Retry-After (seconds
 * until the minute is over), as GraphQL errors for /graphql and as text elsewhere.
 */
export function rateLimited(limit: Limit, keyOf: (req: express.Request) => string, shape: 'graphql' | 'text'): express.RequestHandler {
  return (req, res, next) => {
    if (!limit) return next();
    limit.consume(keyOf(req)).then(
      () => next(),
      (refusal: unknown) => {
        if (!(refusal instanceof RateLimiterRes)) return next(); // the store failed and had no insurance: let it through
        const seconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
        res.setHeader('Retry-After', String(seconds));
        if (shape === 'graphql') {
          res.status(429).json({
            errors: [{ message: `Too many requests; try again in ${seconds} s`, extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds: seconds } }],
          });
        } else {
          res.status(429).type('text/plain').send(`Too many requests. Please try again in ${seconds} seconds.`);
        }
      },
    );
  };
}

/** Open WebSockets per address: counted as they open and close. */
export class SocketCounter {
  private readonly open = new Map<string, number>();

  constructor(private readonly max: number) {}

  /** Whether one more may open for this request's address. */
  admits(req: http.IncomingMessage): boolean {
    return (this.open.get(clientAddress(req)) ?? 0) < this.max;
  }

  opened(req: http.IncomingMessage, socket: { once(event: 'close', listener: () => void): unknown }): void {
    const address = clientAddress(req);
    this.open.set(address, (this.open.get(address) ?? 0) + 1);
    socket.once('close', () => {
      const left = (this.open.get(address) ?? 1) - 1;
      if (left > 0) this.open.set(address, left);
      else this.open.delete(address);
    });
  }
}

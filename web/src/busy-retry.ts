import { ServerError } from '@apollo/client/errors';
import { RetryLink } from '@apollo/client/link/retry';

/** The first try and three more: with Retry-After of 1-5 s a person waits at most ~20 s. */
const TRIES = 4;
const LONGEST_WAIT_MS = 10_000;

/**
 * When the server is busy it turns requests away before running them (503 SERVICE_BUSY with
 * Retry-After), so any of them, a registration included, can simply be sent again.
 */
export function busyRetryAfterMs(error: unknown): number | null {
  if (!ServerError.is(error) || error.statusCode !== 503) return null;
  try {
    const body = JSON.parse(error.bodyText) as { errors?: { extensions?: { code?: string } }[] };
    if (body.errors?.[0]?.extensions?.code !== 'SERVICE_BUSY') return null;
  } catch {
    return null;
  }
  const seconds = Number(error.response.headers.get('retry-after'));
  return Math.min(LONGEST_WAIT_MS, Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000);
}

/** Waits as long as the server asks, spread a little so that many browsers do not return at once. */
export const busyRetryLink = new RetryLink({
  attempts: (attempt, _operation, error) => attempt < TRIES && busyRetryAfterMs(error) !== null,
  delay: (_attempt, _operation, error) => (busyRetryAfterMs(error) ?? 1000) * (0.8 + Math.random() * 0.4),
});

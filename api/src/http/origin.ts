import type { Config } from '../config.js';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Cookie-carrying requests that change state (sign-out, WebSocket upgrades) must come from our own
 * pages. Outside production any loopback origin is ours too (tests and `npm start` use varying ports).
 */
export function originAllowed(config: Pick<Config, 'allowedOrigins' | 'nodeEnv'>, origin: string | undefined): boolean {
  if (!origin) return true; // not a browser: no ambient cookies to abuse
  const normalized = origin.replace(/\/$/, '');
  if (config.allowedOrigins.includes(normalized)) return true;
  if (config.nodeEnv === 'production') return false;
  try {
    return LOOPBACK.has(new URL(normalized).hostname);
  } catch {
    return false;
  }
}

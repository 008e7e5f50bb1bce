import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'mps_session';
export const LANGUAGE_COOKIE = 'mps_lang';
/** The short-lived state between sending someone to an identity provider and their return. */
export const SIGN_IN_STATE_COOKIE = 'mps_sign_in';

export function readCookies(req: IncomingMessage): Record<string, string> {
  const header = req.headers.cookie;
  const cookies: Record<string, string> = {};
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    try {
      cookies[name] = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      // A malformed cookie is ignored rather than failing the request.
    }
  }
  return cookies;
}

export interface CookieOptions {
  maxAgeSeconds?: number;
  httpOnly?: boolean;
  secure: boolean;
  /** Lax by default; None (only with Secure) for a cookie that must come back on a cross-site POST. */
  sameSite?: 'Lax' | 'None';
  path?: string;
}

export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const sameSite = options.sameSite === 'None' && options.secure ? 'None' : 'Lax';
  const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${options.path ?? '/'}`, `SameSite=${sameSite}`];
  if (options.httpOnly !== false) parts.push('HttpOnly');
  if (options.secure) parts.push('Secure');
  if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${options.maxAgeSeconds}`);
  return parts.join('; ');
}

import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import { HeaderMap } from '@apollo/server';
import type { Config } from '../config.js';
import { ErrorCode } from '../common/errors.js';
import { SESSION_COOKIE, readCookies } from './cookies.js';
import { originAllowed } from './origin.js';

/**
 * The credential of an `Authorization: Bearer` header ('' when the header names the scheme but
 * carries nothing), or null without one. Other schemes are not ours (a proxy's Basic auth passes
 * through) and are ignored.
 */
export function bearerTokenOf(req: IncomingMessage): string | null {
  const match = /^Bearer(?:\s+(.*))?$/i.exec(req.headers.authorization?.trim() ?? '');
  return match ? (match[1] ?? '').trim() : null;
}

/**
 * What a request with a Bearer token that is not valid gets: 401, never a silent fallback to
 * anonymous, which would hand an integration an empty answer instead of telling it its token is bad.
 * Thrown from Apollo's context function, whose GraphQLError `http` extension sets the response.
 */
export function invalidBearerError(): GraphQLError {
  return new GraphQLError('The API token is unknown, revoked or expired', {
    extensions: {
      code: ErrorCode.UNAUTHENTICATED,
      http: { status: 401, headers: new HeaderMap([['www-authenticate', 'Bearer error="invalid_token"']]) },
    },
  });
}

/**
 * Cookie-authenticated POSTs must come from our own pages. Apollo's CSRF prevention and SameSite=Lax
 * already stop most forgeries; this refuses the rest (a same-site but foreign origin, a browser
 * without SameSite) whenever the browser tells us the origin. A Bearer request is exempt: it has no
 * ambient credential a foreign page could borrow, and the token decides who it is.
 */
export function refuseForeignCookiePosts(config: Pick<Config, 'allowedOrigins' | 'nodeEnv'>): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'POST' || bearerTokenOf(req) !== null) return next();
    if (readCookies(req)[SESSION_COOKIE] === undefined) return next();
    if (originAllowed(config, req.headers.origin)) return next();
    res.status(403).json({ errors: [{ message: 'Requests with a session cookie must come from our own pages', extensions: { code: ErrorCode.FORBIDDEN } }] });
  };
}

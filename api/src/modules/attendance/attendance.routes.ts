import express from 'express';
import { DomainError, ErrorCode } from '../../common/errors.js';
import { languageOf, type Viewer } from '../../common/request-context.js';
import { LANGUAGE_COOKIE, SESSION_COOKIE, readCookies } from '../../http/cookies.js';
import type { AttendanceService } from './attendance.service.js';

/** Whose session cookie a request carries; null when none or expired. */
type ViewerOf = (sessionToken: string | undefined) => Promise<Viewer | null>;

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
};

/**
 * GET /api/sessions/<id>/sign-in-sheet.pdf: the printable sign-in sheet, for staff and the
 * session's lecturer, authorized by the session cookie. `?lang=en` (or the language cookie,
 * then Accept-Language) chooses the language; Latvian by default.
 */
export function attendanceRoutes(attendance: AttendanceService, viewerOf: ViewerOf, log: { error(message: string, error?: unknown): void }): express.Router {
  const router = express.Router();
  router.get('/sessions/:id/sign-in-sheet.pdf', async (req, res) => {
    res.setHeader('Cache-Control', 'private, no-store');
    try {
      const cookies = readCookies(req);
      const viewer = await viewerOf(cookies[SESSION_COOKIE]);
      if (!viewer) return res.status(401).type('text/plain').send('Sign in first.');
      const lang = languageOf({
        'x-mps-language': String(req.query.lang ?? cookies[LANGUAGE_COOKIE] ?? ''),
        'accept-language': req.headers['accept-language'],
      });
      const { bytes, fileName } = await attendance.signInSheet({ viewer, lang }, req.params.id, lang);
      res.type('application/pdf').setHeader('Content-Disposition', `inline; filename="${fileName}"`);
      res.send(bytes);
    } catch (error) {
      if (error instanceof DomainError && STATUS[error.code]) return res.status(STATUS[error.code]!).type('text/plain').send(error.message);
      log.error('A sign-in sheet failed', error);
      res.status(500).type('text/plain').send('The sign-in sheet could not be produced; try again later.');
    }
  });
  return router;
}

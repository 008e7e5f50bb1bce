import express from 'express';
import { DomainError, ErrorCode } from '../../common/errors.js';
import { languageOf, type Viewer } from '../../common/request-context.js';
import { runWithAuditActor } from '../../db/audit-actor.js';
import { clientAddress } from '../../http/rate-limits.js';
import { LANGUAGE_COOKIE, SESSION_COOKIE, readCookies } from '../../http/cookies.js';
import type { PersonalDataService } from './personal-data.service.js';

type ViewerOf = (sessionToken: string | undefined) => Promise<Viewer | null>;

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
};

/**
 * GET /api/me/data.json: everything the system holds about the signed-in person (R-NF-3);
 * GET /api/people/<id>/data.json: the same for staff, who answer a request made on paper.
 * Authorized by the session cookie; every download leaves an EXPORT row in the audit log.
 */
export function privacyRoutes(personalData: PersonalDataService, viewerOf: ViewerOf, log: { error(message: string, error?: unknown): void }): express.Router {
  const router = express.Router();
  const download = (personIdOf: (req: express.Request, viewer: Viewer) => string) => async (req: express.Request, res: express.Response) => {
    res.setHeader('Cache-Control', 'private, no-store');
    try {
      const cookies = readCookies(req);
      const viewer = await viewerOf(cookies[SESSION_COOKIE]);
      if (!viewer) return res.status(401).type('text/plain').send('Sign in first.');
      const lang = languageOf({ 'x-mps-language': cookies[LANGUAGE_COOKIE] ?? '', 'accept-language': req.headers['accept-language'] });
      const actor = { personId: viewer.kind === 'person' ? viewer.personId : null, tokenId: null, ip: clientAddress(req) };
      const { json, fileName } = await runWithAuditActor(actor, () => personalData.exportData({ viewer, lang }, personIdOf(req, viewer)));
      res.type('application/json; charset=utf-8').setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
      res.send(json);
    } catch (error) {
      if (error instanceof DomainError && STATUS[error.code]) return res.status(STATUS[error.code]!).type('text/plain').send(error.message);
      log.error('A personal-data export failed', error);
      res.status(500).type('text/plain').send('The data could not be put together; try again later.');
    }
  };
  router.get(
    '/me/data.json',
    download((_req, viewer) => viewer.personId ?? ''),
  );
  router.get(
    '/people/:id/data.json',
    download((req) => String(req.params.id)),
  );
  return router;
}

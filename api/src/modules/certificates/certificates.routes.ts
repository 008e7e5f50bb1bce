import express from 'express';
import { DomainError, ErrorCode } from '../../common/errors.js';
import { languageOf, type Viewer } from '../../common/request-context.js';
import { LANGUAGE_COOKIE, SESSION_COOKIE, readCookies } from '../../http/cookies.js';
import type { CertificatesService } from './certificates.service.js';

type ViewerOf = (sessionToken: string | undefined) => Promise<Viewer | null>;

const STATUS: Partial<Record<ErrorCode, number>> = { [ErrorCode.UNAUTHENTICATED]: 401, [ErrorCode.FORBIDDEN]: 403, [ErrorCode.NOT_FOUND]: 404 };

/**
 * GET /api/certificates/<id>.pdf: the certificate for its owner and staff (others: 404, so its
 * existence is not told), authorized by the session cookie; `?lang=en` or the portal's language.
 */
export function certificateRoutes(
  certificates: CertificatesService,
  viewerOf: ViewerOf,
  log: { error(message: string, error?: unknown): void },
): express.Router {
  const router = express.Router();
  router.get('/certificates/:file', async (req, res) => {
    res.setHeader('Cache-Control', 'private, no-store');
    const id = /^(.+)\.pdf$/.exec(req.params.file)?.[1];
    if (!id) return res.status(404).type('text/plain').send('Not found.');
    try {
      const cookies = readCookies(req);
      const viewer = await viewerOf(cookies[SESSION_COOKIE]);
      if (!viewer) return res.status(401).type('text/plain').send('Sign in first.');
      const lang = languageOf({
        'x-mps-language': String(req.query.lang ?? cookies[LANGUAGE_COOKIE] ?? ''),
        'accept-language': req.headers['accept-language'],
      });
      const { bytes, fileName } = await certificates.pdf({ viewer, lang }, id, lang);
      res.type('application/pdf').setHeader('Content-Disposition', `inline; filename="${fileName}"`);
      res.send(bytes);
    } catch (error) {
      if (error instanceof DomainError && STATUS[error.code]) return res.status(STATUS[error.code]!).type('text/plain').send(error.message);
      log.error('A certificate PDF failed', error);
      res.status(500).type('text/plain').send('The certificate could not be produced; try again later.');
    }
  });
  return router;
}

import express from 'express';
import { DomainError, ErrorCode } from '../../common/errors.js';
import { languageOf, type Viewer } from '../../common/request-context.js';
import { LANGUAGE_COOKIE, SESSION_COOKIE, readCookies } from '../../http/cookies.js';
import type { ProjectsService } from './projects.service.js';

type ViewerOf = (sessionToken: string | undefined) => Promise<Viewer | null>;

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.VALIDATION]: 400,
};

/**
 * GET /api/eu-projects/<id>/report.xlsx?from=YYYY-MM-DD&to=YYYY-MM-DD (and .csv): a project's report
 * for staff, authorized by the session cookie.
 */
export function projectRoutes(projects: ProjectsService, viewerOf: ViewerOf, log: { error(message: string, error?: unknown): void }): express.Router {
  const router = express.Router();
  router.get('/eu-projects/:id/:file', async (req, res) => {
    res.setHeader('Cache-Control', 'private, no-store');
    const kind = ({ 'report.xlsx': 'xlsx', 'report.csv': 'csv' } as const)[req.params.file as 'report.xlsx' | 'report.csv'];
    if (!kind) return res.status(404).type('text/plain').send('Not found.');
    try {
      const cookies = readCookies(req);
      const viewer = await viewerOf(cookies[SESSION_COOKIE]);
      if (!viewer) return res.status(401).type('text/plain').send('Sign in first.');
      const lang = languageOf({ 'x-mps-language': String(cookies[LANGUAGE_COOKIE] ?? ''), 'accept-language': req.headers['accept-language'] });
      const { bytes, fileName, contentType } = await projects.reportFile(
        { viewer, lang },
        req.params.id,
        String(req.query.from ?? ''),
        String(req.query.to ?? ''),
        kind,
      );
      res
        .type(contentType)
        .setHeader('Content-Disposition', `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
      res.send(bytes);
    } catch (error) {
      if (error instanceof DomainError && STATUS[error.code]) return res.status(STATUS[error.code]!).type('text/plain').send(error.message);
      log.error('An EU project report failed', error);
      res.status(500).type('text/plain').send('The report could not be produced; try again later.');
    }
  });
  return router;
}

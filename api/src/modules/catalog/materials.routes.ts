import express from 'express';
import type { Config } from '../../config.js';
import { DomainError, ErrorCode, ValidationError } from '../../common/errors.js';
import { languageOf, type Viewer } from '../../common/request-context.js';
import { refuseForeignCookiePosts } from '../../http/api-auth.js';
import { LANGUAGE_COOKIE, SESSION_COOKIE, readCookies } from '../../http/cookies.js';
import { showsInline } from './material-files.js';
import type { MaterialsService } from './materials.service.js';

type ViewerOf = (sessionToken: string | undefined) => Promise<Viewer | null>;

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.VALIDATION]: 400,
  [ErrorCode.STORAGE_FULL]: 507,
};

/** Errors in the shape of GraphQL's, so the console translates them the same way. */
function sendError(res: express.Response, status: number, code: ErrorCode, message: string, fields?: unknown) {
  res.status(status).json({ errors: [{ message, extensions: { code, ...(fields ? { fields } : {}) } }] });
}

/** `attachment; filename="..."; filename*=UTF-8''...`: an ASCII fallback and the real name (RFC 6266). */
export function contentDisposition(fileName: string, inline: boolean): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * POST /api/materials/files: staff upload a material's file (the body is the file, its name in the
 * `X-File-Name` header, URI-encoded); the answer's `id` goes to `createCourseMaterial`.
 * GET /api/materials/<id>/<name>: the file, for whoever may see the material (others: 404).
 */
export function materialRoutes(
  materials: MaterialsService,
  viewerOf: ViewerOf,
  config: Pick<Config, 'allowedOrigins' | 'nodeEnv'>,
  log: { error(message: string, error?: unknown): void },
): express.Router {
  const router = express.Router();
  const contextOf = async (req: express.Request) => {
    const cookies = readCookies(req);
    const viewer = await viewerOf(cookies[SESSION_COOKIE]);
    return { viewer, lang: languageOf({ 'x-mps-language': cookies[LANGUAGE_COOKIE] ?? '', 'accept-language': req.headers['accept-language'] }) };
  };
  const failed = (res: express.Response, error: unknown, what: string) => {
    if (error instanceof ValidationError) return sendError(res, 400, ErrorCode.VALIDATION, error.message, error.fields);
    if (error instanceof DomainError && STATUS[error.code]) return sendError(res, STATUS[error.code]!, error.code, error.message);
    log.error(what, error);
    sendError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Something went wrong; try again later');
  };

  router.post(
    '/materials/files',
    refuseForeignCookiePosts(config),
    async (req, res, next) => {
      try {
        const ctx = await contextOf(req);
        if (!ctx.viewer) return sendError(res, 401, ErrorCode.UNAUTHENTICATED, 'Sign in first');
        res.locals.materialContext = ctx;
        next();
      } catch (error) {
        failed(res, error, 'A material upload failed');
      }
    },
    // Only a signed-in person's body is read; one larger than the limit is cut off unread.
    express.raw({ type: () => true, limit: materials.maxBytes }),
    async (req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      try {
        let name = '';
        try {
          name = decodeURIComponent(String(req.headers['x-file-name'] ?? ''));
        } catch {
          name = '';
        }
        const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const uploaded = await materials.upload(res.locals.materialContext, name, bytes);
        res.status(201).json(uploaded);
      } catch (error) {
        failed(res, error, 'A material upload failed');
      }
    },
  );

  router.get('/materials/:id{/:name}', async (req, res) => {
    res.setHeader('Cache-Control', 'private, no-cache');
    try {
      const file = await materials.download(await contextOf(req), String(req.params.id));
      const etag = `"${file.sha256}"`;
      res.setHeader('ETag', etag);
      if (req.headers['if-none-match'] === etag) return res.status(304).end();
      res.type(file.contentType);
      res.setHeader('Content-Disposition', contentDisposition(file.fileName, showsInline(file.fileName)));
      // A file is never a page of ours: no scripts, no forms, even if a browser tried to render it.
      res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'");
      res.send(file.bytes);
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.NOT_FOUND) return res.status(404).type('text/plain').send('Not found.');
      failed(res, error, 'A material download failed');
    }
  });

  router.use('/materials', ((error, _req, res, next) => {
    if ((error as { type?: string }).type === 'entity.too.large') {
      const mb = Math.round(materials.maxBytes / 1024 / 1024);
      return sendError(res, 413, ErrorCode.VALIDATION, `The file is larger than ${mb} MB`, [
        { field: 'file', code: 'FILE_TOO_LARGE', message: `The file is larger than ${mb} MB` },
      ]);
    }
    next(error);
  }) as express.ErrorRequestHandler);
  return router;
}

import express, { type Request, type Response, type Router } from 'express';
import type { Config } from '../../config.js';
import { languageOf } from '../../graphql/context.js';
import { LANGUAGE_COOKIE, SESSION_COOKIE, readCookies, serializeCookie } from '../../http/cookies.js';
import { originAllowed } from '../../http/origin.js';
import { Language } from '../people/person.entity.js';
import type { AuthService } from './auth.service.js';
import type { PeopleService } from '../people/people.service.js';
import { devSignInTexts } from './dev-sign-in.texts.js';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Only a path of this site: never `//evil.example` or an absolute URL. */
export function safeReturnTo(value: unknown): string {
  const text = typeof value === 'string' ? value : '';
  return text.startsWith('/') && !text.startsWith('//') && !text.startsWith('/\\') ? text : '/';
}

function pageLanguage(req: Request): Language {
  const asked = String(req.query.lang ?? readCookies(req)[LANGUAGE_COOKIE] ?? '');
  return asked === Language.EN || asked === Language.LV ? asked : languageOf(req.headers);
}

/**
 * `/auth/*`: sign-in, sign-out. The development provider stands in for Latvija.lv; a real provider
 * will add its own routes here and end, like this one, in `auth.startSession`.
 */
export function authRoutes(config: Config, auth: AuthService, people: PeopleService): Router {
  const router = express.Router();
  const secure = config.nodeEnv === 'production' || config.publicUrl.startsWith('https:');

  const setSession = (res: Response, token: string | null) => {
    res.setHeader(
      'Set-Cookie',
      serializeCookie(SESSION_COOKIE, token ?? '', { secure, maxAgeSeconds: token ? config.sessionAbsoluteHours * 3600 : 0 }),
    );
  };

  router.get('/sign-in', (req, res) => {
    const returnTo = encodeURIComponent(safeReturnTo(req.query.returnTo));
    if (config.devSignIn) return res.redirect(303, `/auth/dev?returnTo=${returnTo}`);
    res.status(503).type('text/plain').send('No identity provider is configured.');
  });

  router.post('/sign-out', express.urlencoded({ extended: false, limit: '2kb' }), async (req, res) => {
    if (!originAllowed(config, req.headers.origin)) return res.status(403).type('text/plain').send('Forbidden origin');
    await auth.endSession(readCookies(req)[SESSION_COOKIE]);
    setSession(res, null);
    res.redirect(303, safeReturnTo(req.body?.returnTo));
  });

  if (config.devSignIn) addDevelopmentSignIn(router, config, auth, people, setSession);
  // Nothing else lives under /auth: no fall-through to the portal.
  router.use((_req, res) => res.status(404).type('text/plain').send('Not found'));
  return router;
}

/** The development identity provider: pick a demo person. Never mounted in production. */
function addDevelopmentSignIn(
  router: Router,
  config: Config,
  auth: AuthService,
  people: PeopleService,
  setSession: (res: Response, token: string | null) => void,
): void {
  router.get('/dev', async (req, res) => {
    const lang = pageLanguage(req);
    const t = devSignInTexts[lang];
    const returnTo = safeReturnTo(req.query.returnTo);
    const persons = await people.demoPersons();
    const rows = await Promise.all(
      persons.map(async (person) => {
        const viewer = await auth.viewerFor(person.id, 'preview');
        const roles = viewer.roles.map((role) => t.role[role]).join(', ');
        return `<li><form method="post" action="/auth/dev">
          <input type="hidden" name="personId" value="${person.id}">
          <input type="hidden" name="returnTo" value="${escapeHtml(returnTo)}">
          <button type="submit" data-person="${escapeHtml(person.givenName + ' ' + person.familyName)}">${t.signInAs}: <strong>${escapeHtml(person.givenName)} ${escapeHtml(person.familyName)}</strong></button>
          <span>${escapeHtml(person.demoNote ?? '')}</span> <small>${t.roles}: ${escapeHtml(roles)}</small>
        </form></li>`;
      }),
    );
    const other = lang === Language.LV ? Language.EN : Language.LV;
    res.type('html').send(`<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title} · MPS</title>
<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
ul{list-style:none;padding:0}li{margin:.6rem 0;padding:.6rem;border:1px solid #ccd;border-radius:6px}
button{font:inherit;padding:.4rem .8rem;margin-right:.6rem;cursor:pointer;background:#9e3039;color:#fff;border:0;border-radius:4px}
small{display:block;color:#555;margin-top:.3rem}</style></head>
<body><p><a href="/auth/dev?lang=${other}&amp;returnTo=${encodeURIComponent(returnTo)}">${t.other}</a></p>
<h1>${t.title}</h1><p>${t.intro}</p>
${rows.length ? `<ul>${rows.join('')}</ul>` : `<p>${t.noPersons}</p>`}
</body></html>`);
  });

  router.post('/dev', express.urlencoded({ extended: false, limit: '2kb' }), async (req, res) => {
    if (!originAllowed(config, req.headers.origin)) return res.status(403).type('text/plain').send('Forbidden origin');
    const personId = String(req.body?.personId ?? '');
    const person = (await people.demoPersons()).find((p) => p.id === personId);
    if (!person) return res.status(400).type('text/plain').send('Unknown demo person');
    const { token } = await auth.startSession(person.id, 'dev');
    setSession(res, token);
    res.redirect(303, safeReturnTo(req.body?.returnTo));
  });
}

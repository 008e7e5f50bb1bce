import express, { type Request, type Response, type Router } from 'express';
import type { Config } from '../../config.js';
import { LANGUAGE_COOKIE, SESSION_COOKIE, SIGN_IN_STATE_COOKIE, readCookies, serializeCookie } from '../../http/cookies.js';
import { originAllowed } from '../../http/origin.js';
import type { Logger } from '../../common/logger.js';
import type { PeopleService } from '../people/people.service.js';
import { personalCodeProblem } from '../people/personal-code.js';
import type { AuthService } from './auth.service.js';
import { DevelopmentIdentityProvider } from './dev-identity-provider.js';
import { OidcClient, OidcError } from './oidc/oidc-client.js';
import { escapeHtml, page, pageLanguage } from './pages.js';
import { SignInStateSigner } from './sign-in-state.js';
import { signInTexts, type SignInErrorKind } from './sign-in.texts.js';
import { WsFedError, WsFedVerifier, signInRedirectUrl } from './wsfed/wsfed-verifier.js';

/** Only a path of this site: never `//evil.example` or an absolute URL. */
export function safeReturnTo(value: unknown): string {
  const text = typeof value === 'string' ? value : '';
  return text.startsWith('/') && !text.startsWith('//') && !text.startsWith('/\\') ? text : '/';
}

type ProviderId = 'latvija' | 'dev' | 'oidc';

/**
 * Per-site objects (verifiers, OIDC clients). Sites come from the Host header only when
 * MPS_PUBLIC_URL is unset (never in production), and the cache stays small whatever hosts arrive.
 */
function perSite<T>(make: (site: string) => T, max = 8): (site: string) => T {
  const cache = new Map<string, T>();
  return (site) => {
    let value = cache.get(site);
    if (value === undefined) {
      if (cache.size >= max) cache.delete(cache.keys().next().value!);
      cache.set(site, (value = make(site)));
    }
    return value;
  };
}

/** The portal's profile page (web/src/me.ts PROFILE_PATH). */
const PROFILE_PATH = '/profils';
/** As long as the portal keeps its own language choice (web/src/i18n/index.ts). */
const LANGUAGE_COOKIE_SECONDS = 365 * 24 * 3600;

/**
 * Where a person lands after signing in: where they were going, or (once, right after signing in)
 * the profile page while it still lacks what R-ID-2 asks, which then offers the way back.
 */
export function afterSignIn(returnTo: string, profileIncomplete: boolean): string {
  if (!profileIncomplete || returnTo.split(/[?#]/)[0] === PROFILE_PATH) return returnTo;
  return returnTo === '/' ? PROFILE_PATH : `${PROFILE_PATH}?returnTo=${encodeURIComponent(returnTo)}`;
}

/** A WS-Federation gateway as the service provider sees it: where to send people, whom to trust. */
interface WsFedGateway {
  gatewayUrl(site: string): string;
  realm(site: string): string;
  verifier(site: string): WsFedVerifier;
}

/** What the session records as the sign-in method. */
const SESSION_PROVIDER: Record<ProviderId, string> = { latvija: 'latvija-lv', dev: 'dev', oidc: 'oidc' };

/**
 * `/auth/*`: sign-in with Latvija.lv (WS-Federation), an OpenID Connect provider, or, outside
 * production, the development identity provider, which speaks Latvija.lv's protocol so that the
 * same service-provider code runs in development, tests and production. Every route ends in
 * `auth.signIn`, which finds or creates the person and starts a session.
 */
export interface AuthRouteOptions {
  log?: Logger;
  /** Where the development identity provider keeps its key (the embedded data folder); null: a new key per process. */
  devKeyDir?: string | null;
}

export function authRoutes(config: Config, auth: AuthService, people: PeopleService, { log, devKeyDir = null }: AuthRouteOptions = {}): Router {
  const router = express.Router();
  const secure = config.nodeEnv === 'production' || config.publicUrl.startsWith('https:');
  const states = new SignInStateSigner(config.secret.reveal());
  /** Without MPS_PUBLIC_URL (development, tests on a random port) the request says where we are. */
  const siteOf = (req: Request) => (config.publicUrlConfigured ? config.publicUrl : `${req.protocol}://${req.get('host')}`);

  const gateways = new Map<ProviderId, WsFedGateway>();
  if (config.wsfed) {
    const { gatewayUrl, realm, certificatePem, issuer } = config.wsfed;
    const verifier = new WsFedVerifier({ realm, certificatePem, trustedIssuer: issuer ?? undefined });
    gateways.set('latvija', { gatewayUrl: () => gatewayUrl, realm: () => realm, verifier: () => verifier });
  }
  const devIdp = config.devSignIn ? new DevelopmentIdentityProvider(devKeyDir) : null;
  if (devIdp) {
    gateways.set('dev', {
      gatewayUrl: (site) => `${site}${DevelopmentIdentityProvider.path}`,
      realm: (site) => `${site}/`,
      verifier: perSite((site) => new WsFedVerifier({ realm: `${site}/`, certificatePem: devIdp.publicKeyPem })),
    });
  }
  const oidcClient = perSite(
    (site) =>
      new OidcClient({
        issuer: config.oidc!.issuer,
        clientId: config.oidc!.clientId,
        clientSecret: config.oidc!.clientSecret.reveal(),
        redirectUri: `${site}/auth/oidc/callback`,
        scopes: config.oidc!.scopes,
        personalCodeClaim: config.oidc!.personalCodeClaim,
        allowHttp: config.nodeEnv !== 'production',
      }),
  );
  const providers: ProviderId[] = [...gateways.keys(), ...(config.oidc ? ['oidc' as const] : [])];

  const cookie = (name: string, value: string | null, maxAgeSeconds: number, crossSite = false) =>
    serializeCookie(name, value ?? '', {
      secure,
      maxAgeSeconds: value ? maxAgeSeconds : 0,
      // The gateway POSTs its answer from its own site: a Lax cookie would not come along.
      sameSite: crossSite ? 'None' : 'Lax',
      path: name === SIGN_IN_STATE_COOKIE ? '/auth' : '/',
    });

  const fail = (req: Request, res: Response, status: number, kind: SignInErrorKind, returnTo = '/') => {
    const lang = pageLanguage(req);
    const t = signInTexts[lang];
    res.append('Set-Cookie', cookie(SIGN_IN_STATE_COOKIE, null, 0));
    res
      .status(status)
      .type('html')
      .send(
        page(
          lang,
          t.errorTitle,
          `<h1>${t.errorTitle}</h1><p role="alert">${t.error[kind]}</p>
<p><a class="button" href="/auth/sign-in?returnTo=${encodeURIComponent(returnTo)}">${t.tryAgain}</a> <a href="/">${t.home}</a></p>`,
        ),
      );
  };

  const finish = async (req: Request, res: Response, provider: ProviderId, identity: Parameters<AuthService['signIn']>[0], returnTo: string) => {
    if (personalCodeProblem(identity.personalCode)) return fail(req, res, 401, 'PERSONAL_CODE', returnTo);
    const { token, person } = await auth.signIn(identity, SESSION_PROVIDER[provider]);
    res.append('Set-Cookie', cookie(SESSION_COOKIE, token, config.sessionAbsoluteHours * 3600));
    res.append('Set-Cookie', cookie(SIGN_IN_STATE_COOKIE, null, 0));
    // The portal starts in the language the person chose in their profile (it reads this cookie).
    res.append('Set-Cookie', serializeCookie(LANGUAGE_COOKIE, person.preferredLanguage, { secure, httpOnly: false, maxAgeSeconds: LANGUAGE_COOKIE_SECONDS }));
    res.redirect(303, afterSignIn(returnTo, people.missingProfileFields(person).length > 0));
  };

  router.get('/sign-in', (req, res) => {
    const returnTo = safeReturnTo(req.query.returnTo);
    const lang = pageLanguage(req);
    const t = signInTexts[lang];
    if (providers.length === 1) return res.redirect(303, `/auth/sign-in/${providers[0]}?returnTo=${encodeURIComponent(returnTo)}`);
    if (providers.length === 0)
      return res
        .status(503)
        .type('html')
        .send(page(lang, t.chooseTitle, `<h1>${t.chooseTitle}</h1><p>${t.noProvider}</p>`));
    const label = (id: ProviderId) => (id === 'oidc' ? escapeHtml(config.oidc!.label) : t.provider[id]);
    const items = providers
      .map((id) => `<li><a class="button" href="/auth/sign-in/${id}?returnTo=${encodeURIComponent(returnTo)}">${label(id)}</a></li>`)
      .join('');
    res.type('html').send(page(lang, t.chooseTitle, `<h1>${t.chooseTitle}</h1><p>${t.chooseIntro}</p><ul class="providers">${items}</ul>`));
  });

  router.get('/sign-in/:provider', async (req, res) => {
    const returnTo = safeReturnTo(req.query.returnTo);
    const provider = req.params.provider as ProviderId;
    if (!providers.includes(provider)) return res.status(404).type('text/plain').send('Not found');
    const site = siteOf(req);
    const gateway = gateways.get(provider);
    if (gateway) {
      const { state, cookie: value } = states.create({ provider, returnTo });
      res.append('Set-Cookie', cookie(SIGN_IN_STATE_COOKIE, value, SignInStateSigner.lifetimeSeconds, true));
      const replyUrl = `${provider === 'latvija' ? config.publicUrl : site}/auth/wsfed`;
      return res.redirect(303, signInRedirectUrl({ gatewayUrl: gateway.gatewayUrl(site), realm: gateway.realm(site), replyUrl, context: state.nonce }));
    }
    try {
      const { url, checks } = await oidcClient(site).start();
      const { cookie: value } = states.create({ provider, returnTo, nonce: checks.state, oidc: { nonce: checks.nonce, codeVerifier: checks.codeVerifier } });
      res.append('Set-Cookie', cookie(SIGN_IN_STATE_COOKIE, value, SignInStateSigner.lifetimeSeconds));
      res.redirect(303, url);
    } catch (error) {
      log?.error('OpenID Connect sign-in could not start', error);
      fail(req, res, 503, 'UNAVAILABLE', returnTo);
    }
  });

  // The reply URL of WS-Federation: the gateway's answer arrives as a form POST from its own site,
  // so no Origin check here; the signed state cookie and wctx bind it to this browser instead.
  router.post('/wsfed', express.urlencoded({ extended: false, limit: '300kb' }), async (req, res) => {
    const body = (req.body ?? {}) as Record<string, string>;
    const state = states.read(readCookies(req)[SIGN_IN_STATE_COOKIE]);
    const gateway = state && gateways.get(state.provider as ProviderId);
    if (!state || !gateway || body.wa !== 'wsignin1.0' || body.wctx !== state.nonce) return fail(req, res, 400, 'STATE');
    let verified;
    try {
      verified = gateway.verifier(siteOf(req)).verify(String(body.wresult ?? ''));
    } catch (error) {
      if (!(error instanceof WsFedError)) throw error;
      log?.info(`Refused a WS-Federation sign-in: ${error.reason} (${error.message})`);
      const kind = error.reason === 'EXPIRED' || error.reason === 'NOT_YET_VALID' ? 'EXPIRED' : error.reason === 'MISSING_CLAIMS' ? 'PERSONAL_CODE' : 'INVALID';
      return fail(req, res, 401, kind, state.returnTo);
    }
    if (!(await auth.recordAssertion(`${verified.issuer}|${verified.assertionId}`, verified.expiresAt))) {
      log?.info('Refused a replayed WS-Federation sign-in assertion');
      return fail(req, res, 401, 'REPLAYED', state.returnTo);
    }
    await finish(req, res, state.provider as ProviderId, verified.identity, state.returnTo);
  });

  router.get('/oidc/callback', async (req, res) => {
    const state = states.read(readCookies(req)[SIGN_IN_STATE_COOKIE]);
    if (!state?.oidc || state.provider !== 'oidc' || !config.oidc || req.query.state !== state.nonce) return fail(req, res, 400, 'STATE');
    try {
      const callbackUrl = new URL(req.originalUrl, siteOf(req));
      const identity = await oidcClient(siteOf(req)).finish(callbackUrl, { state: state.nonce, ...state.oidc });
      await finish(req, res, 'oidc', { ...identity, historicalPersonalCodes: [] }, state.returnTo);
    } catch (error) {
      if (!(error instanceof OidcError)) throw error;
      log?.info(`Refused an OpenID Connect sign-in: ${error.reason} (${error.message})`);
      const kind =
        error.reason === 'DISCOVERY_FAILED' ? 'UNAVAILABLE' : error.reason === 'MISSING_CLAIMS' ? 'PERSONAL_CODE' : req.query.error ? 'CANCELLED' : 'INVALID';
      fail(req, res, error.reason === 'DISCOVERY_FAILED' ? 503 : 401, kind, state.returnTo);
    }
  });

  router.post('/sign-out', express.urlencoded({ extended: false, limit: '2kb' }), async (req, res) => {
    if (!originAllowed(config, req.headers.origin)) return res.status(403).type('text/plain').send('Forbidden origin');
    await auth.endSession(readCookies(req)[SESSION_COOKIE]);
    res.append('Set-Cookie', cookie(SESSION_COOKIE, null, 0));
    res.redirect(303, safeReturnTo(req.body?.returnTo));
  });

  if (devIdp) router.use('/dev-idp', devIdp.router(config, auth, people, siteOf));
  // Nothing else lives under /auth: no fall-through to the portal.
  router.use((_req, res) => res.status(404).type('text/plain').send('Not found'));
  return router;
}

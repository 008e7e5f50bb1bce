import { startTestApp, type TestApp } from '../../test/harness.js';
import { CANCEL, CookieBrowser, listenOidcProvider, throughProvider, type OidcTestAccount, type OidcTestProvider } from '../../test/oidc-provider.js';
import { Language, Person } from '../people/person.entity.js';
import { signInTexts } from './sign-in.texts.js';

/**
 * OpenID Connect sign-in through the real `/auth` routes: the api runs as in production (bar the
 * database), a real OpenID Provider (oidc-provider) runs in-process on another loopback port, and
 * the test plays the browser, following every redirect by hand with a cookie jar per origin and
 * answering the provider's login and consent interactions itself.
 */

const CLIENT_ID = 'mps';
const CLIENT_SECRET = 'a-test-client-secret-that-is-long-enough';
const LABEL = 'Testa eParaksts';

const ACCOUNTS: Record<string, OidcTestAccount> = {
  liga: { claims: { given_name: 'Līga', family_name: 'Bērziņa', personal_code: '32123456789' }, amr: ['smartid'] },
  // eParaksts: the code in `serialNumber`, with its `PNOLV-` prefix and the hyphen people write.
  eparaksts: { claims: { given_name: 'Līga', family_name: 'Bērziņa', serialNumber: 'PNOLV-321234-56789' }, amr: ['mobileid'] },
  foreigner: { claims: { given_name: 'Anna', family_name: 'Liepa' } },
  invalid: { claims: { given_name: 'Pēteris', family_name: 'Kļava', personal_code: '12345' } },
};

/** The test's browser: the GraphQL `me` of whoever its cookies sign in. */
class Browser extends CookieBrowser {
  async me() {
    const response = await this.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { person { id fullName personalCode } } }' }),
    });
    const body = (await response.json()) as { data?: { me: { person: { id: string; fullName: string; personalCode: string } } | null }; errors?: unknown };
    if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data!.me;
  }
}

/** `/auth/sign-in/oidc` up to the provider's redirect to the app's callback (not followed). */
async function toCallback(browser: Browser, app: TestApp, provider: OidcTestProvider, account: string, returnTo = '/profils'): Promise<URL> {
  const start = await browser.fetch(`/auth/sign-in/oidc?returnTo=${encodeURIComponent(returnTo)}`);
  expect(start.status).toBe(303);
  const authorization = new URL(start.headers.get('location')!, app.url);
  expect(authorization.origin).toBe(provider.issuer);
  return throughProvider(browser, authorization, account, (next) => next.origin === app.url && next.pathname === '/auth/oidc/callback');
}

/** The whole round trip: the callback's answer. */
async function signIn(browser: Browser, app: TestApp, provider: OidcTestProvider, account: string, returnTo = '/profils') {
  const callback = await toCallback(browser, app, provider, account, returnTo);
  return { callback, response: await browser.fetch(callback) };
}

const lv = signInTexts[Language.LV];

/** A sign-in error page with this text, that started no session and cleared the sign-in state. */
async function expectRefusal(response: Response, status: number, text: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  const html = await response.text();
  expect(html).toContain(lv.errorTitle);
  expect(html).toContain(text);
  const cookies = response.headers.getSetCookie();
  expect(cookies.some((cookie) => cookie.startsWith('mps_session='))).toBe(false);
  expect(cookies.find((cookie) => cookie.startsWith('mps_sign_in='))).toMatch(/Max-Age=0/);
}

/** What `run` wrote to console.error (the app's error log in tests), kept out of the test output. */
async function withConsoleErrors<T>(run: () => Promise<T>): Promise<{ result: T; errors: string[] }> {
  const error = console.error;
  const errors: string[] = [];
  console.error = (...args: unknown[]) => void errors.push(args.map(String).join(' '));
  try {
    return { result: await run(), errors };
  } finally {
    console.error = error;
  }
}

/**
 * The provider listens first (the app needs its issuer URL to start) and is built once the app
 * listens too (the client's redirect URI needs the app's port); until then it drops connections.
 */
async function startPair(env: Record<string, string> = {}, { down = false } = {}) {
  const provider = await listenOidcProvider({ down, accounts: ACCOUNTS });
  try {
    const app = await startTestApp({
      MPS_OIDC_ISSUER: provider.issuer,
      MPS_OIDC_CLIENT_ID: CLIENT_ID,
      MPS_OIDC_CLIENT_SECRET: CLIENT_SECRET,
      MPS_OIDC_LABEL: LABEL,
      ...env,
    });
    await provider.configure({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [`${app.url}/auth/oidc/callback`] });
    return { app, provider };
  } catch (error) {
    await provider.close();
    throw error;
  }
}

describe('OpenID Connect sign-in (personal_code claim)', () => {
  let t: TestApp;
  let op: OidcTestProvider;

  beforeAll(async () => {
    ({ app: t, provider: op } = await startPair());
  });
  afterAll(async () => {
    await t?.stop();
    await op?.close();
  });

  test('the sign-in choice offers the provider under its configured label, next to the development sign-in', async () => {
    const response = await new Browser(t.url).fetch('/auth/sign-in?returnTo=/profils');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`<a class="button" href="/auth/sign-in/oidc?returnTo=%2Fprofils">${LABEL}</a>`);
    expect(html).toContain('href="/auth/sign-in/dev?returnTo=%2Fprofils"');
  });

  test("a full sign-in: code flow with PKCE and a signed state cookie, back where the person was, with a session as the provider's person", async () => {
    const browser = new Browser(t.url);
    const start = await browser.fetch('/auth/sign-in/oidc?returnTo=/profils');
    expect(start.status).toBe(303);
    const authorization = new URL(start.headers.get('location')!);
    expect(authorization.origin).toBe(op.issuer);
    expect(Object.fromEntries(authorization.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: `${t.url}/auth/oidc/callback`,
      code_challenge_method: 'S256',
    });
    const stateCookie = start.headers.getSetCookie().find((cookie) => cookie.startsWith('mps_sign_in='))!;
    expect(stateCookie).toMatch(/Path=\/auth/);
    expect(stateCookie).toMatch(/HttpOnly/);
    expect(stateCookie).toMatch(/SameSite=Lax/);
    // A payload and its signature.
    expect(browser.cookies().get('mps_sign_in')).toMatch(/^[\w-]+\.[\w-]+$/);

    const { callback, response } = await signIn(browser, t, op, 'liga');
    expect(callback.searchParams.get('code')).toBeTruthy();
    expect(callback.searchParams.get('iss')).toBe(op.issuer);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/profils');
    const sessionCookie = response.headers.getSetCookie().find((cookie) => cookie.startsWith('mps_session='));
    expect(sessionCookie).toMatch(/HttpOnly/);
    expect(browser.cookies().has('mps_session')).toBe(true);
    expect(browser.cookies().has('mps_sign_in')).toBe(false);

    const me = await browser.me();
    expect(me?.person).toMatchObject({ fullName: 'Līga Bērziņa', personalCode: '321234-56789' });

    // Once more, in another browser: the same person, not a second record. Still without an
    // e-mail address, she is asked for it first, and the page she came from is kept.
    const again = new Browser(t.url);
    const second = await signIn(again, t, op, 'liga', '/katalogs');
    expect(second.response.status).toBe(303);
    expect(second.response.headers.get('location')).toBe('/profils?returnTo=%2Fkatalogs');
    expect((await again.me())?.person.id).toBe(me!.person.id);

    // With an address she goes straight back where she was.
    await t.app.dataSource.query(`UPDATE person SET email = 'liga.berzina@example.test' WHERE id = $1`, [me!.person.id]);
    const third = await signIn(new Browser(t.url), t, op, 'liga', '/katalogs');
    expect(third.response.headers.get('location')).toBe('/katalogs');
  });

  test('a returnTo that leaves the site is replaced by /', async () => {
    // With an e-mail address (or she would be asked for it first), the one she has from signing in once.
    await signIn(new Browser(t.url), t, op, 'liga');
    await t.app.dataSource.query(`UPDATE person SET email = 'liga.berzina@example.test' WHERE given_name = 'Līga' AND family_name = 'Bērziņa'`);
    const browser = new Browser(t.url);
    const { response } = await signIn(browser, t, op, 'liga', '//evil.example/x');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
  });

  test('the person cancels at the provider: a 401 page saying so, no session', async () => {
    const browser = new Browser(t.url);
    const { callback, response } = await signIn(browser, t, op, CANCEL);
    expect(callback.searchParams.get('error')).toBe('access_denied');
    await expectRefusal(response, 401, lv.error.CANCELLED);
    expect(browser.cookies().has('mps_session')).toBe(false);
    expect(await browser.me()).toBeNull();
  });

  test('a callback arriving in a browser that did not start the sign-in is refused (login CSRF), and its code is not spent', async () => {
    const attacker = new Browser(t.url);
    const callback = await toCallback(attacker, t, op, 'liga');

    const victim = new Browser(t.url);
    const response = await victim.fetch(callback);
    await expectRefusal(response, 400, lv.error.STATE);
    expect(await victim.me()).toBeNull();

    // A victim that has a sign-in of its own under way: its state does not match the attacker's.
    const busyVictim = new Browser(t.url);
    expect((await busyVictim.fetch('/auth/sign-in/oidc?returnTo=/')).status).toBe(303);
    await expectRefusal(await busyVictim.fetch(callback), 400, lv.error.STATE);
    expect(await busyVictim.me()).toBeNull();

    // The code was never redeemed: the browser that started the sign-in still completes it.
    const own = await attacker.fetch(callback);
    expect(own.status).toBe(303);
    expect((await attacker.me())?.person.fullName).toBe('Līga Bērziņa');
  });

  test('a callback cannot be used twice: the second time the state cookie is gone', async () => {
    const browser = new Browser(t.url);
    const { callback, response } = await signIn(browser, t, op, 'liga');
    expect(response.status).toBe(303);
    await expectRefusal(await browser.fetch(callback), 400, lv.error.STATE);
  });

  test('an account without a personal code is refused with the personal code page, no session', async () => {
    const browser = new Browser(t.url);
    const { response } = await signIn(browser, t, op, 'foreigner');
    await expectRefusal(response, 401, lv.error.PERSONAL_CODE);
    expect(await browser.me()).toBeNull();
  });

  test('an invalid personal code is refused with the personal code page, no session, no person', async () => {
    const persons = t.app.dataSource.getRepository(Person);
    const before = await persons.count();
    const browser = new Browser(t.url);
    const { response } = await signIn(browser, t, op, 'invalid');
    await expectRefusal(response, 401, lv.error.PERSONAL_CODE);
    expect(await browser.me()).toBeNull();
    expect(await persons.count()).toBe(before);
  });
});

describe('OpenID Connect sign-in (eParaksts serialNumber claim, a provider that is down at first)', () => {
  let t: TestApp;
  let op: OidcTestProvider;

  beforeAll(async () => {
    ({ app: t, provider: op } = await startPair({ MPS_OIDC_PERSONAL_CODE_CLAIM: 'serialNumber' }, { down: true }));
  });
  afterAll(async () => {
    await t?.stop();
    await op?.close();
  });

  // First in this block on purpose: once discovery has succeeded, the app keeps its result.
  test('a provider that cannot be reached: a 503 page, no redirect, no sign-in state', async () => {
    const browser = new Browser(t.url);
    const logged = await withConsoleErrors(() => browser.fetch('/auth/sign-in/oidc?returnTo=/profils'));
    const response = logged.result;
    expect(logged.errors).toEqual([expect.stringContaining('OpenID Connect sign-in could not start')]);
    expect(response.status).toBe(503);
    expect(response.headers.get('location')).toBeNull();
    const html = await response.text();
    expect(html).toContain(lv.error.UNAVAILABLE);
    expect(html).toContain('href="/auth/sign-in?returnTo=%2Fprofils"');
    expect(browser.cookies().has('mps_sign_in')).toBe(false);
    expect(browser.cookies().has('mps_session')).toBe(false);
  });

  test('once the provider is back, PNOLV-321234-56789 in serialNumber is the person with code 32123456789', async () => {
    op.down = false;
    const existing = await t.app.services.people.resolveSignIn({
      givenName: 'Līga',
      familyName: 'Bērziņa',
      personalCode: '32123456789',
      historicalPersonalCodes: [],
    });

    const browser = new Browser(t.url);
    const { response } = await signIn(browser, t, op, 'eparaksts');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/profils');
    expect(await browser.me()).toEqual({ person: { id: existing.id, fullName: 'Līga Bērziņa', personalCode: '321234-56789' } });
    expect(op.discoveryRequests).toBe(1);
  });
});

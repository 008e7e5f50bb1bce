import { generateKeyPairSync } from 'node:crypto';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { fixtures } from '../../test/fixtures.js';
import type { Context } from '../../graphql/context.js';
import { PersonEntityResolver } from '../people/people.resolver.js';
import { Language, Person, PersonCode } from '../people/person.entity.js';
import { oldFormatPersonalCode } from '../people/personal-code.js';
import { AuthSession } from './auth-session.entity.js';
import { DEV_IDP_ISSUER } from './dev-identity-provider.js';
import { issueWsFedResponse } from './wsfed/wsfed-token.js';
import { CookieBrowser } from '../../test/cookie-browser.js';

let t: TestApp;
let personId: string;
const LIGA_CODE = oldFormatPersonalCode({ day: 8, month: 5, year: 1994 }, 123);

beforeAll(async () => {
  t = await startTestApp();
  const person = await t.app.services.people.resolveSignIn({ givenName: 'Līga', familyName: 'Kalniņa', personalCode: LIGA_CODE, historicalPersonalCodes: [] });
  await t.app.dataSource.getRepository(Person).update({ id: person.id }, { demoNote: 'Dalībniece', email: 'liga.kalnina@example.lv' });
  personId = person.id;
});
afterAll(() => t?.stop());

const ME = `{ me { person { id fullName email personalCode } roles } }`;

/** The test's browser: cookies as a browser keeps them, and the two requests these tests make. */
class Browser extends CookieBrowser {
  constructor() {
    super(t.url);
  }

  post(path: string, fields: Record<string, string>, origin = t.url): Promise<Response> {
    return this.fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
      body: new URLSearchParams(fields),
    });
  }

  async me() {
    const response = await this.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: ME }) });
    return ((await response.json()) as { data: any }).data.me;
  }
}

const unescapeHtml = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function hiddenFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields[match[1]] = unescapeHtml(match[2]);
  return fields;
}

/** Up to the gateway: the redirect the portal's sign-in button leads to, and its WS-Federation parameters. */
async function toGateway(browser: Browser, returnTo = '/katalogs') {
  const choice = await browser.fetch(`/auth/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
  expect(choice.status).toBe(303);
  const start = await browser.fetch(choice.headers.get('location')!);
  expect(start.status).toBe(303);
  const gateway = new URL(start.headers.get('location')!, t.url);
  return { gateway, params: Object.fromEntries(gateway.searchParams) };
}

/** The whole WS-Federation round trip against the development identity provider. */
async function signIn(browser: Browser, who: Record<string, string> = { personId }, returnTo = '/katalogs') {
  const { gateway, params } = await toGateway(browser, returnTo);
  expect(gateway.pathname).toBe('/auth/dev-idp');
  const idpPage = await browser.fetch(gateway.pathname + gateway.search);
  expect(idpPage.status).toBe(200);
  const answer = await browser.post('/auth/dev-idp', { wtrealm: params.wtrealm, wreply: params.wreply, wctx: params.wctx, ...who });
  expect(answer.status).toBe(200);
  const form = hiddenFields(await answer.text());
  const back = await browser.post('/auth/wsfed', form, 'null');
  return { back, form, params };
}

describe('WS-Federation sign-in through the development identity provider', () => {
  test('sends the browser to the gateway with realm, reply URL and a context bound to a signed cookie', async () => {
    const browser = new Browser();
    const { gateway, params } = await toGateway(browser);
    expect(params).toMatchObject({ wa: 'wsignin1.0', wtrealm: `${t.url}/`, wreply: `${t.url}/auth/wsfed` });
    expect(params.wctx.length).toBeGreaterThan(16);
    expect(gateway.origin).toBe(t.url);
    expect(browser.cookies().get('mps_sign_in')).toBeTruthy();
    const page = await (await browser.fetch(gateway.pathname + gateway.search)).text();
    expect(page).toContain('data-person="Līga Kalniņa"');
  });

  test('signs a demo person in: signed SAML token posted back, session in an httpOnly SameSite cookie, back where they were', async () => {
    const browser = new Browser();
    const { back, form } = await signIn(browser);
    expect(form.wa).toBe('wsignin1.0');
    expect(form.wresult).toContain('SignatureValue');
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe('/katalogs');
    const sessionCookie = back.headers.getSetCookie().find((c) => c.startsWith('mps_session='))!;
    expect(sessionCookie).toMatch(/HttpOnly/);
    expect(sessionCookie).toMatch(/SameSite=Lax/);
    expect(browser.cookies().has('mps_sign_in')).toBe(false);
    const me = await browser.me();
    expect(me).toMatchObject({ person: { id: personId, fullName: 'Līga Kalniņa' }, roles: ['PARTICIPANT'] });
    expect(me.person.personalCode).toBe(`${LIGA_CODE.slice(0, 6)}-${LIGA_CODE.slice(6)}`);
  });

  test('a replayed token is refused, even with a fresh sign-in state', async () => {
    const first = new Browser();
    const { form } = await signIn(first);
    const attacker = new Browser();
    const { params } = await toGateway(attacker);
    const replay = await attacker.post('/auth/wsfed', { ...form, wctx: params.wctx }, 'null');
    expect(replay.status).toBe(401);
    expect(await replay.text()).toContain('jau ir izmantots');
    expect(await attacker.me()).toBeNull();
  });

  test('a token posted without the sign-in state of this browser is refused (login CSRF)', async () => {
    const victim = new Browser();
    const { gateway, params } = await toGateway(new Browser());
    const answer = await new Browser().post('/auth/dev-idp', { ...params, personId });
    expect(gateway.pathname).toBe('/auth/dev-idp');
    const response = await victim.post('/auth/wsfed', hiddenFields(await answer.text()), 'null');
    expect(response.status).toBe(400);
    expect(await victim.me()).toBeNull();
  });

  test('a token signed by another key is refused', async () => {
    const browser = new Browser();
    const { params } = await toGateway(browser);
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const wresult = issueWsFedResponse({
      identity: { givenName: 'Mallory', familyName: 'Evil', personalCode: LIGA_CODE, historicalPersonalCodes: [], authenticationMethod: 'x' },
      realm: params.wtrealm,
      issuer: DEV_IDP_ISSUER,
      privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    });
    const response = await browser.post('/auth/wsfed', { wa: 'wsignin1.0', wresult, wctx: params.wctx }, 'null');
    expect(response.status).toBe(401);
    expect(await browser.me()).toBeNull();
  });

  test('a made-up person is created on first sign-in; a changed personal code keeps the same person and history', async () => {
    const oldCode = oldFormatPersonalCode({ day: 1, month: 2, year: 1980 }, 321);
    const first = new Browser();
    await signIn(first, { givenName: 'Jānis', familyName: 'Bērziņš', personalCode: oldCode });
    const before = await first.me();
    expect(before.person.fullName).toBe('Jānis Bērziņš');

    const afterChange = new Browser();
    const { back } = await signIn(afterChange, { givenName: 'Jānis', familyName: 'Bērziņš-Ozols', personalCode: '32111111111', previousCode: oldCode });
    expect(back.status).toBe(303);
    const after = await afterChange.me();
    expect(after.person.id).toBe(before.person.id);
    expect(after.person.fullName).toBe('Jānis Bērziņš-Ozols');
    expect(after.person.personalCode).toBe('321111-11111');
    const codes = await t.app.dataSource.getRepository(PersonCode).findBy({ personId: before.person.id });
    expect(codes.map((c) => c.replacedAt === null).sort()).toEqual([false, true]);
    // Only the blind index and ciphertext are stored: no code in clear anywhere in the row.
    for (const row of codes) expect(JSON.stringify(row)).not.toMatch(/\d{11}|\d{6}-\d{5}/);
  });

  test('the stored preferred language comes along: the portal starts in it', async () => {
    const john = { givenName: 'John', familyName: 'Smith', personalCode: oldFormatPersonalCode({ day: 3, month: 4, year: 1985 }, 456) };
    const first = new Browser();
    await signIn(first, john);
    await t.app.dataSource
      .getRepository(Person)
      .update({ id: (await first.me()).person.id }, { preferredLanguage: Language.EN, email: 'john.smith@example.lv' });
    const browser = new Browser();
    browser.cookies().set('mps_lang', 'lv');
    const { back } = await signIn(browser, john);
    const language = back.headers.getSetCookie().find((c) => c.startsWith('mps_lang='))!;
    expect(language).toMatch(/^mps_lang=en;/);
    expect(language).not.toMatch(/HttpOnly/); // the portal's script reads it
    expect(browser.cookies().get('mps_lang')).toBe('en');
  });

  test('without an e-mail: asked once, on the profile page, which keeps where they were going', async () => {
    const noEmail = { givenName: 'Dace', familyName: 'Ozola', personalCode: oldFormatPersonalCode({ day: 9, month: 10, year: 1990 }, 789) };
    const { back } = await signIn(new Browser(), noEmail, '/kursi/abc?grupa=1');
    expect(back.headers.get('location')).toBe(`/profils?returnTo=${encodeURIComponent('/kursi/abc?grupa=1')}`);
    const toProfile = await signIn(new Browser(), noEmail, '/profils');
    expect(toProfile.back.headers.get('location')).toBe('/profils');
    const home = await signIn(new Browser(), noEmail, '/');
    expect(home.back.headers.get('location')).toBe('/profils');
  });

  test('the development provider refuses an invalid personal code and to sign for another site', async () => {
    const browser = new Browser();
    const { params } = await toGateway(browser);
    const bad = await browser.post('/auth/dev-idp', { ...params, givenName: 'A', familyName: 'B', personalCode: '010180-12345' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('aria-invalid="true"');
    const foreign = await browser.post('/auth/dev-idp', { ...params, wreply: 'https://evil.example/auth/wsfed', personId });
    expect(foreign.status).toBe(400);
  });
});

test('anonymous: me is null', async () => {
  expect(await new Browser().me()).toBeNull();
});

test('sign-out ends the session on the server, not only in the browser', async () => {
  const browser = new Browser();
  await signIn(browser);
  const stolen = browser.cookies().get('mps_session')!;
  const response = await browser.post('/auth/sign-out', { returnTo: '/' });
  expect(response.status).toBe(303);
  expect(response.headers.get('set-cookie')).toMatch(/Max-Age=0/);
  const replay = new Browser();
  replay.cookies().set('mps_session', stolen);
  expect(await replay.me()).toBeNull();
});

test('a sign-out or development sign-in posted from a foreign site is refused', async () => {
  for (const path of ['/auth/dev-idp', '/auth/sign-out']) {
    const response = await new Browser().post(path, { personId }, 'https://evil.example');
    expect(response.status).toBe(403);
  }
});

test.each(['https://evil.example/', '//evil.example/', '/\\evil.example'])('returnTo %s cannot send the browser off-site', async (returnTo) => {
  const { back } = await signIn(new Browser(), { personId }, returnTo);
  expect(back.headers.get('location')).toBe('/');
});

test('an unknown demo person cannot be signed in as', async () => {
  const browser = new Browser();
  const { params } = await toGateway(browser);
  const response = await browser.post('/auth/dev-idp', { ...params, personId: '00000000-0000-4000-8000-000000000000' });
  expect(response.status).toBe(400);
});

test('a session idle for longer than allowed is over', async () => {
  const browser = new Browser();
  await signIn(browser);
  const idle = new Date(Date.now() - (t.config.sessionIdleMinutes + 1) * 60_000);
  await t.app.dataSource.getRepository(AuthSession).update({ personId }, { lastSeenAt: idle });
  expect(await browser.me()).toBeNull();
});

test('a person sees their own e-mail; another signed-in person and the public do not', async () => {
  const person = await t.app.services.people.getPerson({ viewer: null, lang: Language.LV }, personId);
  const resolver = new PersonEntityResolver();
  const viewerOf = async (id: string) => ({ viewer: await t.app.services.auth.viewerFor(id, 's'), lang: Language.LV }) as Context;
  const stranger = await fixtures(t.app.dataSource).person();
  const staff = await fixtures(t.app.dataSource).staff();
  expect(resolver.email(person, await viewerOf(personId))).toBe(person.email);
  expect(resolver.email(person, await viewerOf(staff.id))).toBe(person.email);
  expect(resolver.email(person, await viewerOf(stranger.id))).toBeNull();
  expect(resolver.email(person, { viewer: null, lang: Language.LV } as Context)).toBeNull();
});

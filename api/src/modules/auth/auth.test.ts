import { startTestApp, type TestApp } from '../../test/harness.js';
import { fixtures } from '../../test/fixtures.js';
import type { Context } from '../../graphql/context.js';
import { PersonEntityResolver } from '../people/people.resolver.js';
import { Language } from '../people/person.entity.js';
import { AuthSession } from './auth-session.entity.js';

let t: TestApp;
let personId: string;

beforeAll(async () => {
  t = await startTestApp();
  const f = fixtures(t.app.dataSource);
  personId = (await f.person({ givenName: 'Līga', familyName: 'Kalniņa', demoNote: 'Dalībniece' })).id;
});
afterAll(() => t?.stop());

const ME = `{ me { person { fullName email } roles } }`;

async function signIn(returnTo = '/katalogs'): Promise<{ cookie: string; setCookie: string; location: string | null }> {
  const response = await fetch(`${t.url}/auth/dev`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: t.url },
    body: new URLSearchParams({ personId, returnTo }),
  });
  expect(response.status).toBe(303);
  const setCookie = response.headers.get('set-cookie') ?? '';
  return { cookie: setCookie.split(';')[0], setCookie, location: response.headers.get('location') };
}

test('the development sign-in lists demo persons and starts a session in an httpOnly, SameSite cookie', async () => {
  const page = await (await fetch(`${t.url}/auth/dev`)).text();
  expect(page).toContain('data-person="Līga Kalniņa"');
  const { cookie, setCookie, location } = await signIn();
  expect(location).toBe('/katalogs');
  expect(setCookie).toMatch(/HttpOnly/);
  expect(setCookie).toMatch(/SameSite=Lax/);
  const { me } = await fetchMe(cookie);
  expect(me).toEqual({ person: { fullName: 'Līga Kalniņa', email: expect.stringContaining('@') }, roles: ['PARTICIPANT'] });
});

async function fetchMe(cookie?: string) {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query: ME }),
  });
  return ((await response.json()) as { data: any }).data;
}

test('anonymous: me is null', async () => {
  expect(await fetchMe()).toEqual({ me: null });
});

test('sign-out ends the session on the server, not only in the browser', async () => {
  const { cookie } = await signIn();
  const response = await fetch(`${t.url}/auth/sign-out`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, origin: t.url, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'returnTo=/',
  });
  expect(response.status).toBe(303);
  expect(response.headers.get('set-cookie')).toMatch(/Max-Age=0/);
  expect(await fetchMe(cookie)).toEqual({ me: null });
});

test('a sign-in or sign-out posted from a foreign site is refused', async () => {
  for (const path of ['/auth/dev', '/auth/sign-out']) {
    const response = await fetch(`${t.url}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ personId }),
    });
    expect(response.status).toBe(403);
  }
});

test.each(['https://evil.example/', '//evil.example/', '/\\evil.example'])('returnTo %s cannot send the browser off-site', async (returnTo) => {
  expect((await signIn(returnTo)).location).toBe('/');
});

test('an unknown person cannot be signed in as', async () => {
  const response = await fetch(`${t.url}/auth/dev`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: t.url },
    body: new URLSearchParams({ personId: '00000000-0000-4000-8000-000000000000' }),
  });
  expect(response.status).toBe(400);
});

test('a session idle for longer than allowed is over', async () => {
  const { cookie } = await signIn();
  const idle = new Date(Date.now() - (t.config.sessionIdleMinutes + 1) * 60_000);
  await t.app.dataSource.getRepository(AuthSession).update({ personId }, { lastSeenAt: idle });
  expect(await fetchMe(cookie)).toEqual({ me: null });
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

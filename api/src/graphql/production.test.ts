import { generateKeyPairSync } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { startTestApp, type TestApp } from '../test/harness.js';
import { DomainError, ErrorCode } from '../common/errors.js';
import { formatError } from './errors.js';

let t: TestApp;
beforeAll(async () => {
  const gatewayKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
  t = await startTestApp({
    NODE_ENV: 'production',
    MPS_SECRET: 'p'.repeat(40),
    MPS_PUBLIC_URL: 'https://mps.example.lv',
    MPS_WSFED_URL: 'https://gateway.example.lv/Auth/Login',
    MPS_WSFED_CERT: gatewayKey,
  });
});
afterAll(() => t?.stop());

test('production turns introspection off', async () => {
  expect(await t.anonymous.codes(`{ __schema { types { name } } }`)).toEqual(['BAD_REQUEST']);
});

test('production gives no field suggestions that would reveal the schema', async () => {
  const result = await t.anonymous.request(`{ course { titl } }`);
  expect(JSON.stringify(result.errors)).not.toMatch(/Did you mean/);
});

test('production has no development identity provider: sign-in goes to the configured gateway', async () => {
  expect((await fetch(`${t.url}/auth/dev-idp`)).status).toBe(404);
  expect((await fetch(`${t.url}/auth/sign-in/dev`, { redirect: 'manual' })).status).toBe(404);
  const choice = await fetch(`${t.url}/auth/sign-in?returnTo=/profils`, { redirect: 'manual' });
  expect(choice.headers.get('location')).toBe('/auth/sign-in/latvija?returnTo=%2Fprofils');
  const start = await fetch(`${t.url}${choice.headers.get('location')}`, { redirect: 'manual' });
  const gateway = new URL(start.headers.get('location')!);
  expect(gateway.origin + gateway.pathname).toBe('https://gateway.example.lv/Auth/Login');
  expect(Object.fromEntries(gateway.searchParams)).toMatchObject({
    wa: 'wsignin1.0',
    wtrealm: 'https://mps.example.lv/',
    wreply: 'https://mps.example.lv/auth/wsfed',
  });
  // The state cookie must come back on the gateway's cross-site POST: SameSite=None, Secure.
  expect(start.headers.get('set-cookie')).toMatch(/mps_sign_in=.*Path=\/auth; SameSite=None; HttpOnly; Secure/);
});

test('production sends HSTS for its https address, a CSP on every answer, and no source maps', async () => {
  const response = await fetch(`${t.url}/health`);
  expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'self'; script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}';/);
  expect((await fetch(`${t.url}/assets/index.js.map`)).status).toBe(404);
  expect((await fetch(`${t.url}/admin/assets/index.js.map`)).status).toBe(404);
});

describe('formatError', () => {
  const logged: unknown[] = [];
  const options = (maskUnexpected: boolean) => ({ maskUnexpected, log: (e: unknown) => logged.push(e) });
  const wrap = (error: Error) => new GraphQLError(error.message, { originalError: error, path: ['courses'] });

  test('masks an unexpected error in production and logs it', () => {
    const error = new Error('connection to 10.0.0.5:5432 refused, password for mps rejected');
    const formatted = formatError({ message: error.message, path: ['courses'] }, wrap(error), options(true));
    expect(formatted).toEqual({
      message: 'Internal server error',
      path: ['courses'],
      locations: undefined,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    });
    expect(logged).toContain(error);
  });

  test('a database that cannot be reached is SERVICE_UNAVAILABLE, with no address in the message', () => {
    const error = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    const formatted = formatError({ message: error.message, path: ['courses'] }, wrap(error), options(true));
    expect(formatted.extensions).toEqual({ code: ErrorCode.SERVICE_UNAVAILABLE });
    expect(formatted.message).toBe('The database cannot be reached at the moment; try again in a minute');
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' });
    expect(formatError({ message: refused.message }, wrap(refused), options(true)).message).not.toMatch(/10\.0\.0\.5/);
  });

  test('a full disk is STORAGE_FULL, without the file it could not extend, and is logged', () => {
    const error = Object.assign(new Error('could not extend file "base/5/16384": No space left on device'), { code: '53100' });
    const formatted = formatError({ message: error.message }, wrap(error), options(false));
    expect(formatted.extensions).toEqual({ code: ErrorCode.STORAGE_FULL });
    expect(formatted.message).not.toMatch(/base\/5/);
    expect(logged).toContain(error);
  });

  test('keeps the message outside production, for developers', () => {
    const error = new Error('a bug');
    expect(formatError({ message: 'a bug' }, wrap(error), options(false)).message).toBe('a bug');
  });

  test('keeps domain errors with their code and details, also in production', () => {
    const error = new DomainError(ErrorCode.IN_USE, 'Topic LAW still has 3 courses', { courses: 3 });
    expect(formatError({ message: error.message }, wrap(error), options(true))).toMatchObject({
      message: 'Topic LAW still has 3 courses',
      extensions: { code: 'IN_USE', courses: 3 },
    });
  });
});

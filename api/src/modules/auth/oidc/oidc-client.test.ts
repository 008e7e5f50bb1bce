import { CANCEL, CookieBrowser, listenOidcProvider, throughProvider, type OidcTestAccount, type OidcTestProvider } from '../../../test/oidc-provider.js';
import { OidcClient, OidcError, type OidcChecks, type OidcSettings } from './oidc-client.js';

/**
 * A real, certified OpenID Provider (oidc-provider) runs in-process on a loopback port; the test
 * plays the browser: it follows the redirects by hand, carrying cookies, and answers the login and
 * consent interactions itself.
 */

const CLIENT_ID = 'mps';
const CLIENT_SECRET = 'a-test-client-secret-that-is-long-enough';
// Never served: the test reads the provider's redirect Location instead.
const REDIRECT_URI = 'https://mps.test/auth/oidc/callback';

const ACCOUNTS: Record<string, OidcTestAccount> = {
  liga: { claims: { given_name: 'Līga', family_name: 'Bērziņa', personal_code: '32123456789' }, amr: ['smartid'] },
  janis: {
    claims: { given_name: 'Jānis', family_name: 'Ozoliņš', personal_code: '01017012345' },
    userinfoOnly: ['given_name', 'family_name', 'personal_code'],
  },
  foreigner: { claims: { given_name: 'Anna', family_name: 'Liepa' } },
  eparaksts: { claims: { given_name: 'Ēriks', family_name: 'Kļaviņš', serialNumber: 'PNOLV-32123456789' }, amr: ['mobileid'] },
};

async function startProvider({ down = false } = {}): Promise<OidcTestProvider> {
  const provider = await listenOidcProvider({ down, accounts: ACCOUNTS });
  await provider.configure({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [REDIRECT_URI] });
  return provider;
}

/** A fresh browser: follows the authorization URL through the interactions up to the callback. */
async function authorize(authorizationUrl: string, account: string): Promise<URL> {
  const start = new URL(authorizationUrl);
  return throughProvider(new CookieBrowser(start.origin), start, account, (next) => next.href.startsWith(REDIRECT_URI));
}

async function signIn(client: OidcClient, account: string): Promise<{ callback: URL; checks: OidcChecks }> {
  const { url, checks } = await client.start();
  return { callback: await authorize(url, account), checks };
}

async function refusal(promise: Promise<unknown>): Promise<OidcError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof OidcError)) throw new Error(`Expected an OidcError, got ${String(error)}`);
  return error;
}

let op: OidcTestProvider;
const closeLater: OidcTestProvider[] = [];

const settingsFor = (issuer: string, overrides: Partial<OidcSettings> = {}): OidcSettings => ({
  issuer,
  clientId: CLIENT_ID,
  clientSecret: CLIENT_SECRET,
  redirectUri: REDIRECT_URI,
  allowHttp: true,
  ...overrides,
});

beforeAll(async () => {
  op = await startProvider();
  closeLater.push(op);
});
afterAll(() => Promise.all(closeLater.map((running) => running.close())));

test('a full sign-in: the authorization URL asks for code with PKCE S256, state and nonce, and the callback yields the identity from the ID token', async () => {
  const client = new OidcClient(settingsFor(op.issuer));
  const { url, checks } = await client.start();
  const request = new URL(url).searchParams;
  expect(Object.fromEntries(request)).toMatchObject({
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    scope: 'openid profile',
    state: checks.state,
    nonce: checks.nonce,
    code_challenge_method: 'S256',
  });
  expect(request.get('code_challenge')).toMatch(/^[\w-]{43}$/);
  expect(request.get('code_challenge')).not.toBe(checks.codeVerifier);

  const callback = await authorize(url, 'liga');
  expect(callback.searchParams.get('code')).toBeTruthy();
  const userinfoBefore = op.userinfoRequests;

  await expect(client.finish(callback, checks)).resolves.toEqual({
    givenName: 'Līga',
    familyName: 'Bērziņa',
    personalCode: '32123456789',
    subject: 'liga',
    issuer: op.issuer,
    authenticationMethod: 'smartid',
  });
  expect(op.userinfoRequests).toBe(userinfoBefore);
});

test('claims the ID token lacks are taken from the userinfo endpoint', async () => {
  const client = new OidcClient(settingsFor(op.issuer));
  const { callback, checks } = await signIn(client, 'janis');
  const userinfoBefore = op.userinfoRequests;

  await expect(client.finish(callback, checks)).resolves.toEqual({
    givenName: 'Jānis',
    familyName: 'Ozoliņš',
    personalCode: '01017012345',
    subject: 'janis',
    issuer: op.issuer,
    authenticationMethod: 'oidc',
  });
  expect(op.userinfoRequests).toBe(userinfoBefore + 1);
});

test('the personal code claim is configurable and returned raw (eParaksts serialNumber)', async () => {
  const client = new OidcClient(settingsFor(op.issuer, { personalCodeClaim: 'serialNumber' }));
  const { callback, checks } = await signIn(client, 'eparaksts');

  await expect(client.finish(callback, checks)).resolves.toMatchObject({
    givenName: 'Ēriks',
    familyName: 'Kļaviņš',
    personalCode: 'PNOLV-32123456789',
    authenticationMethod: 'mobileid',
  });
});

test("the provider's error callback (the person cancelled) is CALLBACK_REJECTED with the provider's message", async () => {
  const client = new OidcClient(settingsFor(op.issuer));
  const { callback, checks } = await signIn(client, CANCEL);
  expect(callback.searchParams.get('error')).toBe('access_denied');

  const error = await refusal(client.finish(callback, checks));
  expect(error.reason).toBe('CALLBACK_REJECTED');
  expect(error.message).toBe('Lietotājs atcēla autentifikāciju');
});

test('a callback whose state is not the one of this sign-in is refused before its code is redeemed', async () => {
  const client = new OidcClient(settingsFor(op.issuer));
  const { callback, checks } = await signIn(client, 'liga');
  const { checks: otherChecks } = await client.start();

  const error = await refusal(client.finish(callback, { ...checks, state: otherChecks.state }));
  expect(error.reason).toBe('CALLBACK_REJECTED');
  expect(error.message).toMatch(/state/);
  // The code was never sent to the provider: with the right checks it still works.
  await expect(client.finish(callback, checks)).resolves.toMatchObject({ personalCode: '32123456789' });
});

test('a wrong nonce or PKCE code verifier is refused', async () => {
  const client = new OidcClient(settingsFor(op.issuer));
  const { checks: otherChecks } = await client.start();

  const withOtherNonce = await signIn(client, 'liga');
  const nonceError = await refusal(client.finish(withOtherNonce.callback, { ...withOtherNonce.checks, nonce: otherChecks.nonce }));
  expect(nonceError.reason).toBe('CALLBACK_REJECTED');
  expect(nonceError.message).toMatch(/nonce/);

  const withOtherVerifier = await signIn(client, 'liga');
  const verifierError = await refusal(client.finish(withOtherVerifier.callback, { ...withOtherVerifier.checks, codeVerifier: otherChecks.codeVerifier }));
  expect(verifierError.reason).toBe('CALLBACK_REJECTED');
  expect(verifierError.message).toMatch(/invalid_grant|PKCE/i);
});

test('a replayed authorization code is refused the second time', async () => {
  const client = new OidcClient(settingsFor(op.issuer));
  const { callback, checks } = await signIn(client, 'liga');

  await expect(client.finish(callback, checks)).resolves.toMatchObject({ subject: 'liga' });
  const error = await refusal(client.finish(callback, checks));
  expect(error.reason).toBe('CALLBACK_REJECTED');
  expect(error.message).toMatch(/invalid_grant|grant request is invalid/);
});

test('an account without a personal code is MISSING_CLAIMS, naming the claim but not quoting values', async () => {
  const client = new OidcClient(settingsFor(op.issuer));
  const { callback, checks } = await signIn(client, 'foreigner');

  const error = await refusal(client.finish(callback, checks));
  expect(error.reason).toBe('MISSING_CLAIMS');
  expect(error.message).toContain('personal_code');
  expect(error.message).not.toContain('Anna');
});

test('an issuer that refuses connections is DISCOVERY_FAILED', async () => {
  const closed = await startProvider();
  await closed.close();

  const error = await refusal(new OidcClient(settingsFor(closed.issuer)).start());
  expect(error.reason).toBe('DISCOVERY_FAILED');
  expect(error.message).toContain(closed.issuer);
});

test('a failed discovery is not kept: once the issuer is reachable, the next sign-in works, and discovers only once', async () => {
  const later = await startProvider({ down: true });
  closeLater.push(later);
  const client = new OidcClient(settingsFor(later.issuer));

  const error = await refusal(client.start());
  expect(error.reason).toBe('DISCOVERY_FAILED');

  later.down = false;
  const { url, checks } = await client.start();
  expect(url.startsWith(`${later.issuer}/auth?`)).toBe(true);
  await expect(client.finish(await authorize(url, 'liga'), checks)).resolves.toMatchObject({ issuer: later.issuer, personalCode: '32123456789' });
  await Promise.all([client.start(), client.start()]);
  expect(later.discoveryRequests).toBe(1);
});

test('a callback URL seen behind a proxy (another host) is redeemed with the registered redirect URI', async () => {
  const client = new OidcClient(settingsFor(op.issuer));
  const { callback, checks } = await signIn(client, 'liga');
  const behindProxy = new URL(`http://10.0.0.5:3000${callback.pathname}${callback.search}`);

  await expect(client.finish(behindProxy, checks)).resolves.toMatchObject({ subject: 'liga' });
});

test('an http issuer is refused unless allowHttp is set', async () => {
  const error = await refusal(new OidcClient(settingsFor(op.issuer, { allowHttp: false })).start());
  expect(error.reason).toBe('DISCOVERY_FAILED');
  expect(error.message).toMatch(/HTTPS/i);
});

import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CookieBrowser } from './cookie-browser.js';

/**
 * A real, certified OpenID Provider (oidc-provider) on a loopback port, for the tests: it listens at
 * once and is built by `configure` (so that a client's redirect URI may wait for its app's port). The
 * login and consent pages are answered by the test itself through the `account` query parameter,
 * which `throughProvider` sets while it follows the provider's redirects in a `CookieBrowser`.
 */

// oidc-provider ships no types; importing it through a variable keeps tsc from looking for them.
const OIDC_PROVIDER: string = 'oidc-provider';

/** The account to "sign in" as to cancel at the provider instead (access_denied). */
export const CANCEL = 'cancel';

export interface OidcTestAccount {
  claims: Record<string, string>;
  /** Claims left out of the ID token, so that only the userinfo endpoint has them. */
  userinfoOnly?: string[];
  amr?: string[];
}

export interface OidcTestClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

export interface OidcTestProvider {
  issuer: string;
  discoveryRequests: number;
  userinfoRequests: number;
  /** While down, every connection is dropped, as when the issuer cannot be reached. */
  down: boolean;
  /** Builds the provider itself, with its one client; until then it drops connections. */
  configure(client: OidcTestClient): Promise<void>;
  close(): Promise<void>;
}

interface InteractionDetails {
  params: { client_id: string; scope: string };
  session?: { accountId: string };
}
interface ProviderGrant {
  addOIDCScope(scope: string): void;
  save(): Promise<string>;
}
interface TestProvider {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
  interactionFinished(req: IncomingMessage, res: ServerResponse, result: Record<string, unknown>): Promise<void>;
  Grant: new (init: { accountId: string; clientId: string }) => ProviderGrant;
}
type ProviderConstructor = new (issuer: string, configuration: Record<string, unknown>) => TestProvider;

/**
 * oidc-provider warns on import that Node.js 20 is not a runtime it supports (it works) and on
 * construction that its in-memory store is for development: both are expected in tests.
 */
async function withoutProviderWarnings<T>(create: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = (message?: unknown, ...rest: unknown[]) => {
    if (!String(message).startsWith('oidc-provider WARNING')) warn(message, ...rest);
  };
  try {
    return await create();
  } finally {
    console.warn = warn;
  }
}

export async function listenOidcProvider({ down = false, accounts }: { down?: boolean; accounts: Record<string, OidcTestAccount> }): Promise<OidcTestProvider> {
  let provider: TestProvider | undefined;
  let handle: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;

  const server: Server = createServer((req, res) => {
    if (running.down || !provider || !handle) return void req.socket.destroy();
    if (req.url === '/.well-known/openid-configuration') running.discoveryRequests += 1;
    if (req.url?.startsWith('/me')) running.userinfoRequests += 1;
    if (req.url?.startsWith('/interaction/')) return void interact(provider, accounts, req, res);
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const running: OidcTestProvider = {
    issuer,
    discoveryRequests: 0,
    userinfoRequests: 0,
    down,
    async configure(client) {
      provider = await withoutProviderWarnings(async () => {
        const { default: Provider } = (await import(OIDC_PROVIDER)) as { default: ProviderConstructor };
        return new Provider(issuer, providerConfiguration(client, accounts));
      });
      handle = provider.callback();
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
  return running;
}

/** A fresh object each time: oidc-provider takes parts of the configuration it is given. */
function providerConfiguration(client: OidcTestClient, accounts: Record<string, OidcTestAccount>): Record<string, unknown> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    clients: [{ client_id: client.clientId, client_secret: client.clientSecret, redirect_uris: client.redirectUris }],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-signing-key', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: ['a-test-cookie-signing-key'] },
    // amr in the openid scope: like providers that always tell how the person authenticated.
    claims: { openid: ['sub', 'amr'], profile: ['given_name', 'family_name', 'personal_code', 'serialNumber'] },
    // Puts the profile claims in the ID token too; an account's `userinfoOnly` takes them out again.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    ttl: { AccessToken: 600, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    findAccount: (_ctx: unknown, sub: string) => {
      const account = accounts[sub];
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: (use: 'id_token' | 'userinfo') => {
          const claims: Record<string, string> = { sub, ...account.claims };
          if (use === 'id_token') for (const name of account.userinfoOnly ?? []) delete claims[name];
          return claims;
        },
      };
    },
  };
}

/**
 * The provider's login and consent pages: the person signs in as the account named in the `account`
 * query parameter and consents to every scope asked for, or cancels.
 */
async function interact(provider: TestProvider, accounts: Record<string, OidcTestAccount>, req: IncomingMessage, res: ServerResponse) {
  try {
    const details = await provider.interactionDetails(req, res);
    const answer = new URL(req.url ?? '/', 'http://provider').searchParams.get('account') ?? '';
    if (answer === CANCEL) {
      await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'Lietotājs atcēla autentifikāciju' });
      return;
    }
    const accountId = details.session?.accountId ?? answer;
    const grant = new provider.Grant({ accountId, clientId: details.params.client_id });
    grant.addOIDCScope(details.params.scope);
    await provider.interactionFinished(req, res, {
      login: { accountId, amr: accounts[accountId]?.amr },
      consent: { grantId: await grant.save() },
    });
  } catch (error) {
    res.statusCode = 500;
    res.end(String(error));
  }
}

/**
 * Follows the provider's redirects from `start` (its authorization URL) through the login and
 * consent interactions, signing in as `account` (or CANCEL), up to the first URL that `arrived`
 * accepts (the client's callback), which is not fetched.
 */
export async function throughProvider(browser: CookieBrowser, start: URL, account: string, arrived: (url: URL) => boolean): Promise<URL> {
  let next = new URL(start);
  for (let hop = 0; hop < 10; hop++) {
    if (next.pathname.startsWith('/interaction/')) next.searchParams.set('account', account);
    const response = await browser.fetch(next);
    const body = await response.text();
    const location = response.headers.get('location');
    if (!location) throw new Error(`The provider stopped at ${next.pathname} with ${response.status}: ${body}`);
    next = new URL(location, next);
    if (arrived(next)) return next;
  }
  throw new Error('Too many redirects');
}

export { CookieBrowser };

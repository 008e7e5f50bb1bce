import * as openid from 'openid-client';

/**
 * The relying-party side of an OpenID Connect provider the operator configures (eParaksts and
 * others): the authorization code flow with PKCE (S256), state and nonce. openid-client verifies
 * the ID token's signature, issuer, audience and nonce, the callback's state and issuer, and the
 * userinfo subject; nothing here turns any of those checks off.
 */

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Default 'openid profile'. */
  scopes?: string;
  /**
   * Default 'personal_code'. eParaksts sends 'serialNumber' with a 'PNOLV-' prefix: the raw value is
   * returned, normalising it is the caller's business.
   */
  personalCodeClaim?: string;
  /** Default 'given_name'. */
  givenNameClaim?: string;
  /** Default 'family_name'. */
  familyNameClaim?: string;
  /** Local tests and development only: lets the provider be reached over plain http. */
  allowHttp?: boolean;
}

export interface OidcIdentity {
  givenName: string;
  familyName: string;
  personalCode: string;
  subject: string;
  issuer: string;
  /** The ID token's `amr` values joined with spaces, or 'oidc' when it has none. */
  authenticationMethod: string;
}

/** What the caller keeps (in a short-lived signed cookie) between the redirect and the callback. */
export interface OidcChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export type OidcRefusal = 'DISCOVERY_FAILED' | 'CALLBACK_REJECTED' | 'MISSING_CLAIMS';

/** A failed sign-in. Messages never quote claim values: they end up in logs. */
export class OidcError extends Error {
  constructor(
    readonly reason: OidcRefusal,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'OidcError';
  }
}

const DEFAULT_SCOPES = 'openid profile';
const TIMEOUT_SECONDS = 10;

export class OidcClient {
  private configuration: Promise<openid.Configuration> | undefined;
  private readonly claimNames: { givenName: string; familyName: string; personalCode: string };

  constructor(private readonly settings: OidcSettings) {
    this.claimNames = {
      givenName: settings.givenNameClaim ?? 'given_name',
      familyName: settings.familyNameClaim ?? 'family_name',
      personalCode: settings.personalCodeClaim ?? 'personal_code',
    };
  }

  async start(): Promise<{ url: string; checks: OidcChecks }> {
    const configuration = await this.discover();
    const checks: OidcChecks = {
      state: openid.randomState(),
      nonce: openid.randomNonce(),
      codeVerifier: openid.randomPKCECodeVerifier(),
    };
    const url = openid.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scopes ?? DEFAULT_SCOPES,
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await openid.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, checks };
  }

  async finish(callbackUrl: URL, checks: OidcChecks): Promise<OidcIdentity> {
    const configuration = await this.discover();
    const claims = await this.fetchClaims(configuration, callbackUrl, checks).catch((error: unknown) => {
      if (error instanceof OidcError) throw error;
      throw rejected(error);
    });
    return this.identityFrom(claims);
  }

  /** Discovery runs once and is kept, but a failure is forgotten so the next sign-in tries again. */
  private discover(): Promise<openid.Configuration> {
    this.configuration ??= openid
      .discovery(new URL(this.settings.issuer), this.settings.clientId, this.settings.clientSecret, clientAuthentication(this.settings.clientSecret), {
        // allowInsecureRequests is deprecated only to stand out; it is gated by allowHttp.
        execute: this.settings.allowHttp ? [openid.allowInsecureRequests] : [],
        timeout: TIMEOUT_SECONDS,
      })
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw new OidcError('DISCOVERY_FAILED', `OpenID Connect discovery at ${this.settings.issuer} failed: ${describe(error)}`, { cause: error });
      });
    return this.configuration;
  }

  private async fetchClaims(configuration: openid.Configuration, callbackUrl: URL, checks: OidcChecks): Promise<openid.IDToken & Record<string, unknown>> {
    if (!checks.state || !checks.nonce || !checks.codeVerifier) throw new OidcError('CALLBACK_REJECTED', 'The sign-in checks are missing');
    const tokens = await openid.authorizationCodeGrant(configuration, this.registeredCallback(callbackUrl), {
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      pkceCodeVerifier: checks.codeVerifier,
    });
    const idToken = tokens.claims();
    if (!idToken) throw new OidcError('CALLBACK_REJECTED', 'The provider returned no ID token');
    if (this.missingClaims(idToken).length === 0 || !configuration.serverMetadata().userinfo_endpoint) return idToken;
    // Many providers put only `sub` in the ID token and the rest behind the userinfo endpoint.
    const userinfo = await openid.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
    return { ...userinfo, ...idToken };
  }

  /**
   * The token endpoint compares redirect_uri with the registered one exactly, and openid-client
   * derives it from the callback URL, which behind a proxy may carry an internal host.
   */
  private registeredCallback(callbackUrl: URL): URL {
    const url = new URL(this.settings.redirectUri);
    url.search = callbackUrl.search;
    return url;
  }

  private missingClaims(claims: Record<string, unknown>): string[] {
    return Object.values(this.claimNames).filter((name) => !isPresent(claims[name]));
  }

  private identityFrom(claims: openid.IDToken & Record<string, unknown>): OidcIdentity {
    const missing = this.missingClaims(claims);
    if (missing.length > 0) throw new OidcError('MISSING_CLAIMS', `The provider did not send ${missing.join(', ')}`);
    const amr = Array.isArray(claims.amr) ? claims.amr.filter(isPresent) : [];
    return {
      givenName: claims[this.claimNames.givenName] as string,
      familyName: claims[this.claimNames.familyName] as string,
      personalCode: claims[this.claimNames.personalCode] as string,
      subject: claims.sub,
      issuer: claims.iss,
      authenticationMethod: amr.length > 0 ? amr.join(' ') : 'oidc',
    };
  }
}

/**
 * client_secret_basic is the OpenID Connect default; client_secret_post only for a provider that
 * says it does not take basic.
 */
function clientAuthentication(clientSecret: string): openid.ClientAuth {
  const basic = openid.ClientSecretBasic(clientSecret);
  const post = openid.ClientSecretPost(clientSecret);
  return (server, client, body, headers) => {
    const methods = server.token_endpoint_auth_methods_supported;
    const usePost = methods !== undefined && !methods.includes('client_secret_basic') && methods.includes('client_secret_post');
    (usePost ? post : basic)(server, client, body, headers);
  };
}

/** The provider's own words when it refused (e.g. the person cancelled), else what openid-client found wrong. */
function rejected(error: unknown): OidcError {
  if (error instanceof openid.AuthorizationResponseError) {
    return new OidcError('CALLBACK_REJECTED', error.error_description ?? error.error, { cause: error });
  }
  if (error instanceof openid.ResponseBodyError) {
    const description = error.error_description ? ` (${error.error_description})` : '';
    return new OidcError('CALLBACK_REJECTED', `The provider refused: ${error.error}${description}`, { cause: error });
  }
  return new OidcError('CALLBACK_REJECTED', `The provider's response was refused: ${describe(error)}`, { cause: error });
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
}

function isPresent(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/** What we remember between sending a browser to an identity provider and its return. */
export interface SignInState {
  /** Which provider was asked: the answer must come from the same one. */
  provider: string;
  /** Binds the answer to this browser: WS-Federation's wctx, OpenID Connect's state. */
  nonce: string;
  returnTo: string;
  /** OpenID Connect only: the nonce and PKCE verifier. */
  oidc?: { nonce: string; codeVerifier: string };
  expiresAt: number;
}

const LIFETIME_MS = 10 * 60_000;

/**
 * The state travels in a cookie, signed with a key derived from MPS_SECRET, so any api instance can
 * read it back and nobody can forge one. Without it an attacker could make a victim's browser
 * finish the attacker's sign-in (login CSRF).
 */
export class SignInStateSigner {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'mps', 'sign-in-state', 32));
  }

  create(state: Omit<SignInState, 'nonce' | 'expiresAt'> & { nonce?: string }, now = Date.now()): { state: SignInState; cookie: string } {
    const full: SignInState = { ...state, nonce: state.nonce ?? randomBytes(18).toString('base64url'), expiresAt: now + LIFETIME_MS };
    const payload = Buffer.from(JSON.stringify(full)).toString('base64url');
    return { state: full, cookie: `${payload}.${this.sign(payload)}` };
  }

  /** The state, or null when the cookie is missing, forged or expired. */
  read(cookie: string | undefined, now = Date.now()): SignInState | null {
    if (!cookie || cookie.length > 4096) return null;
    const [payload, signature] = cookie.split('.');
    if (!payload || !signature) return null;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const state = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as SignInState;
      return typeof state.expiresAt === 'number' && state.expiresAt > now ? state : null;
    } catch {
      return null;
    }
  }

  static readonly lifetimeSeconds = LIFETIME_MS / 1000;

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}

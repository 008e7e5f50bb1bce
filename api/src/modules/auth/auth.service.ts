import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { isStorageFull } from '../../db/connection-health.js';
import type { PersonViewer, Viewer } from '../../common/request-context.js';
import { InstitutionsService } from '../institutions/institutions.service.js';
import { PeopleService, type SignInIdentity } from '../people/people.service.js';
import { UserRole, type Person } from '../people/person.entity.js';
import type { SessionsService } from '../scheduling/sessions.service.js';
import { AuthSession } from './auth-session.entity.js';
import { UsedAssertion } from './used-assertion.entity.js';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Only refresh last_seen_at once a minute, so that reads do not turn into writes. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Browser sessions, whichever provider signed the person in: Latvija.lv or the development identity
 * provider (WS-Federation) or an OpenID Connect provider proves who the person is; `signIn` does the rest.
 */
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PeopleService,
    private readonly institutions: InstitutionsService,
    private readonly sessions: SessionsService,
    private readonly policy: SessionPolicy,
  ) {}

  async startSession(personId: string, provider: string): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.policy.absoluteHours * 3600_000);
    await this.dataSource.getRepository(AuthSession).insert({ tokenHash: hashToken(token), personId, provider, lastSeenAt: now, expiresAt });
    return { token, expiresAt };
  }

  /** The viewer of a live session, or null when the token is unknown, revoked, idle too long or expired. */
  async viewerForToken(token: string | undefined): Promise<Viewer | null> {
    if (!token || token.length > 100) return null;
    const repo = this.dataSource.getRepository(AuthSession);
    const session = await repo.findOneBy({ tokenHash: hashToken(token) });
    const now = Date.now();
    if (!session || session.revokedAt || session.expiresAt.getTime() <= now) return null;
    if (now - session.lastSeenAt.getTime() > this.policy.idleMinutes * 60_000) return null;
    if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) await this.touch(session.id, now);
    return this.viewerFor(session.personId, session.id);
  }

  /** A full disk must not sign anyone out or stop their reading: the session is then simply not refreshed. */
  private async touch(sessionId: string, now: number): Promise<void> {
    try {
      await this.dataSource.getRepository(AuthSession).update({ id: sessionId }, { lastSeenAt: new Date(now) });
    } catch (error) {
      if (!isStorageFull(error)) throw error;
    }
  }

  async viewerFor(personId: string, sessionId: string): Promise<PersonViewer> {
    const [granted, coordinatorInstitutionIds, lecturer] = await Promise.all([
      this.people.grantedRoles(personId),
      this.institutions.coordinatedInstitutionIds(personId),
      this.sessions.lecturerOfPerson(personId),
    ]);
    const roles = new Set<UserRole>([UserRole.PARTICIPANT, ...granted]);
    if (coordinatorInstitutionIds.length > 0) roles.add(UserRole.COORDINATOR);
    if (lecturer) roles.add(UserRole.LECTURER);
    return { kind: 'person', personId, sessionId, roles: [...roles], coordinatorInstitutionIds, lecturerId: lecturer?.id ?? null };
  }

  /** The person an identity provider vouched for, found or created, with a new session. */
  async signIn(identity: SignInIdentity, provider: string): Promise<{ token: string; person: Person }> {
    const person = await this.people.resolveSignIn(identity);
    const { token } = await this.startSession(person.id, provider);
    return { token, person };
  }

  /**
   * Remembers an accepted identity assertion until it expires. False when it was already used: a
   * replay. The insert itself decides, so two concurrent uses of one assertion cannot both pass.
   */
  async recordAssertion(id: string, expiresAt: Date): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      await em.createQueryBuilder().delete().from(UsedAssertion).where('expires_at < now()').execute();
      const inserted: unknown[] = await em.query('INSERT INTO used_assertion (id, expires_at) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING id', [
        id,
        expiresAt,
      ]);
      return inserted.length === 1;
    });
  }

  async endSession(token: string | undefined): Promise<void> {
    if (!token) return;
    await this.dataSource.getRepository(AuthSession).update({ tokenHash: hashToken(token) }, { revokedAt: new Date() });
  }
}

import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { isStaff, type RequestContext, type TokenViewer } from '../../common/request-context.js';
import { ForbiddenError, NotFoundError, Problems } from '../../common/errors.js';
import { isUuid, pageWindow, validIds, type Page, type PageArgs } from '../../common/pagination.js';
import { foldedSql, searchTerms } from '../catalog/search-text.js';
import { InstitutionsService } from '../institutions/institutions.service.js';
import { ApiScope, ApiToken, INSTITUTION_SCOPES } from './api-token.entity.js';

export interface ApiTokenDraft {
  name: string;
  scopes: ApiScope[];
  institutionId?: string | null;
  expiresAt?: Date | null;
}

export interface ApiTokenListFilter {
  q?: string;
  institutionId?: string;
  /** true: neither revoked nor expired; false: revoked or expired. */
  active?: boolean;
  ids?: string[];
}

/** The token itself, handed out once, and its stored record. */
export interface CreatedToken {
  token: string;
  apiToken: ApiToken;
}

const TOKEN_PREFIX = 'mps_';
/** `mps_` + 32 random bytes in base64url (43 characters): anything else is not one of ours. */
const TOKEN_FORMAT = /^mps_[A-Za-z0-9_-]{43}$/;
/** `mps_` and 8 characters: enough to tell tokens apart in a list, far too little to guess the rest. */
const SHOWN_PREFIX_LENGTH = TOKEN_PREFIX.length + 8;
const MAX_NAME_LENGTH = 100;
/** Write last_used_at at most once a minute, so that reads with a token do not become writes. */
const TOUCH_INTERVAL_SECONDS = 60;

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * API tokens for third-party systems (R-ID-6): staff create, list and revoke them; the HTTP edge
 * turns an `Authorization: Bearer` token into a TokenViewer. Only the SHA-256 of a token is stored,
 * so the token is shown once, when it is created.
 */
export class ApiTokenService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly institutions: InstitutionsService,
  ) {}

  async createToken(ctx: RequestContext, draft: ApiTokenDraft): Promise<CreatedToken> {
    this.requireStaff(ctx);
    const problems = new Problems();
    const name = (draft.name ?? '').trim();
    problems
      .check(name.length > 0, 'name', 'REQUIRED', 'name is required')
      .check(name.length <= MAX_NAME_LENGTH, 'name', 'LENGTH', `name must be at most ${MAX_NAME_LENGTH} characters`);
    const scopes = [...new Set(draft.scopes ?? [])];
    problems.check(scopes.length > 0, 'scopes', 'REQUIRED', 'at least one scope is required');
    const institutionId = await this.checkInstitution(draft.institutionId ?? null, scopes, problems);
    const expiresAt = draft.expiresAt ?? null;
    if (expiresAt) problems.check(expiresAt.getTime() > Date.now(), 'expiresAt', 'IN_THE_PAST', 'expiresAt must be in the future');
    problems.throwIfAny();

    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const repo = this.dataSource.getRepository(ApiToken);
    const { id } = await repo.save(
      repo.create({
        name,
        scopes,
        institutionId,
        expiresAt,
        tokenHash: hashToken(token),
        tokenPrefix: token.slice(0, SHOWN_PREFIX_LENGTH),
        createdBy: ctx.viewer?.kind === 'person' && isUuid(ctx.viewer.personId) ? ctx.viewer.personId : null,
      }),
    );
    return { token, apiToken: await repo.findOneByOrFail({ id }) };
  }

  /** Institution scopes need an existing institution; a catalog-only token may name one or none. */
  private async checkInstitution(institutionId: string | null, scopes: ApiScope[], problems: Problems): Promise<string | null> {
    if (!institutionId) {
      const needing = scopes.filter((scope) => INSTITUTION_SCOPES.includes(scope));
      problems.check(needing.length === 0, 'institutionId', 'REQUIRED', `${needing.join(', ')} need an institution`);
      return null;
    }
    if (!isUuid(institutionId)) {
      problems.add('institutionId', 'INVALID_ID', 'institutionId is not a valid id');
      return null;
    }
    const [institution] = await this.institutions.institutionsByIds([institutionId]);
    problems.check(!!institution, 'institutionId', 'UNKNOWN_INSTITUTION', 'no such institution');
    return institutionId;
  }

  /** Newest first. */
  async listTokens(ctx: RequestContext, filter: ApiTokenListFilter = {}, pageArgs?: PageArgs): Promise<Page<ApiToken>> {
    this.requireStaff(ctx);
    const problems = new Problems();
    const window = pageWindow(pageArgs ?? { page: 1, perPage: 20 }, problems);
    const qb = this.dataSource.getRepository(ApiToken).createQueryBuilder('t');
    searchTerms(filter.q ?? '').forEach((term, n) =>
      qb.andWhere(`(${foldedSql('t.name')} LIKE :q${n} OR ${foldedSql('t.token_prefix')} LIKE :q${n})`, { [`q${n}`]: `%${term}%` }),
    );
    if (filter.institutionId) {
      if (!isUuid(filter.institutionId)) problems.add('filter.institutionId', 'INVALID_ID', 'institutionId is not a valid id');
      else qb.andWhere('t.institution_id = :institutionId', { institutionId: filter.institutionId });
    }
    const live = 't.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())';
    if (filter.active === true) qb.andWhere(live);
    if (filter.active === false) qb.andWhere(`NOT (${live})`);
    if (validIds(filter.ids, 'filter.ids', problems)) qb.andWhere(filter.ids.length ? 't.id IN (:...ids)' : 'false', { ids: filter.ids });
    problems.throwIfAny();
    const [items, total] = await qb.orderBy('t.created_at', 'DESC').addOrderBy('t.id').offset(window.offset).limit(window.limit).getManyAndCount();
    return { items, total };
  }

  /** Revoking a revoked token changes nothing and is not an error: the caller's intent already holds. */
  async revokeToken(ctx: RequestContext, id: string): Promise<ApiToken> {
    this.requireStaff(ctx);
    const repo = this.dataSource.getRepository(ApiToken);
    if (!isUuid(id)) throw new NotFoundError('ApiToken', id);
    await repo
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()' })
      .where('id = :id AND revoked_at IS NULL', { id })
      .execute();
    const token = await repo.findOneBy({ id });
    if (!token) throw new NotFoundError('ApiToken', id);
    return token;
  }

  /** The viewer of a live token, or null when it is malformed, unknown, revoked or expired. */
  async viewerForBearer(token: string): Promise<TokenViewer | null> {
    if (!TOKEN_FORMAT.test(token)) return null;
    const repo = this.dataSource.getRepository(ApiToken);
    const found = await repo.findOneBy({ tokenHash: hashToken(token) });
    if (!found || found.revokedAt || (found.expiresAt && found.expiresAt.getTime() <= Date.now())) return null;
    if (!found.lastUsedAt || Date.now() - found.lastUsedAt.getTime() >= TOUCH_INTERVAL_SECONDS * 1000) {
      // Conditional, so that concurrent first requests of a minute write once.
      await repo
        .createQueryBuilder()
        .update()
        .set({ lastUsedAt: () => 'now()' })
        .where(`id = :id AND (last_used_at IS NULL OR last_used_at <= now() - make_interval(secs => :seconds))`, {
          id: found.id,
          seconds: TOUCH_INTERVAL_SECONDS,
        })
        .execute();
    }
    return {
      kind: 'token',
      tokenId: found.id,
      scopes: found.scopes,
      institutionId: found.institutionId,
      personId: null,
      roles: [],
      coordinatorInstitutionIds: [],
      lecturerId: null,
    };
  }

  private requireStaff(ctx: RequestContext): void {
    if (!isStaff(ctx.viewer)) throw new ForbiddenError('Only staff manage API tokens');
  }
}

import { In, type DataSource, type EntityManager } from 'typeorm';
import { isStaff, type RequestContext } from '../../common/request-context.js';
import { DomainError, ErrorCode, ForbiddenError, Problems } from '../../common/errors.js';
import { isUuid, pageWindow, type Page, type PageArgs } from '../../common/pagination.js';
import { inTransaction } from '../../db/transaction.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { CatalogService } from './catalog.service.js';
import { UPCOMING_PUBLISHED_GROUP } from './published-groups.js';
import { Course } from './course.entity.js';
import { InterestRequest } from './interest-request.entity.js';
import type { InterestNotices } from './interest-notices.js';
import type { CourseDemand, CourseDemandFilter, InterestRequestFilter } from './interest.types.js';
import { searchTerms } from './search-text.js';

/**
 * Whether the interest request `ir` is still active, as SQL: it is fulfilled while its person holds
 * an active registration (confirmed or waiting) in a group of the course, made after the request.
 */
const ACTIVE_REQUEST = `NOT EXISTS (
  SELECT 1 FROM registration r JOIN course_group rg ON rg.id = r.group_id
   WHERE rg.course_id = ir.course_id AND r.person_id = ir.person_id
     AND r.status IN ('CONFIRMED', 'WAITING') AND r.created_at >= ir.created_at)`;

/**
 * Whether the person of request `ir` may still see its course `c` (R-CAT-4, as CatalogService's
 * visibility rule): a course restricted after they asked is not news to tell them.
 */
const REQUESTER_SEES_COURSE = `(c.visibility = 'PUBLIC'
  OR EXISTS (SELECT 1 FROM person_role pr WHERE pr.person_id = ir.person_id AND pr.role IN ('STAFF', 'ADMIN'))
  OR EXISTS (SELECT 1 FROM institution_coordinator ic JOIN course_allowed_institution cai ON cai.institution_id = ic.institution_id
             WHERE ic.person_id = ir.person_id AND cai.course_id = c.id))`;

/**
 * Interest requests (R-CAT-3): "tell me when the next group opens". A person asks once per course;
 * when staff publish a group of it, every person with an active request is e-mailed once for that
 * group, in the publishing transaction.
 */
export class InterestService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: CatalogService,
    private readonly notifications: NotificationsService,
    private readonly notices: InterestNotices,
  ) {}

  /**
   * The signed-in person asks to be told of the next group. Allowed whether or not the course has an
   * open group now (the dates of the open one may not suit them); ALREADY_EXISTS when an active one
   * exists. A fulfilled request (the person registered since) is replaced by a new one.
   */
  async requestNextGroup(ctx: RequestContext, courseId: string): Promise<InterestRequest> {
    const personId = personOf(ctx);
    const course = await this.catalog.getCourse(ctx, courseId);
    return inTransaction(this.dataSource, async (em) => {
      const [existing]: { id: string; active: boolean }[] = await em.query(
        `SELECT ir.id, ${ACTIVE_REQUEST} AS active FROM interest_request ir WHERE ir.person_id = $1 AND ir.course_id = $2 FOR UPDATE OF ir`,
        [personId, course.id],
      );
      if (existing?.active) throw alreadyRequested(course.id);
      if (existing) await em.delete(InterestRequest, { id: existing.id });
      return em.save(em.create(InterestRequest, { personId, courseId: course.id, lastNotifiedGroupId: null, lastNotifiedAt: null }));
    }).catch((error: unknown) => {
      // Two requests at once: the unique index lets one through.
      if (error instanceof DomainError && error.code === ErrorCode.ALREADY_EXISTS && error.details.constraint === 'interest_request_person_course_uq') {
        throw alreadyRequested(course.id);
      }
      throw error;
    });
  }

  /** The signed-in person withdraws their request; true when there was one. */
  async withdraw(ctx: RequestContext, courseId: string): Promise<boolean> {
    const personId = personOf(ctx);
    if (!isUuid(courseId)) return false;
    const result = await this.dataSource.getRepository(InterestRequest).delete({ personId, courseId });
    return (result.affected ?? 0) > 0;
  }

  /** The viewer's active requests, newest first, for courses they may still see. */
  async myRequests(ctx: RequestContext): Promise<InterestRequest[]> {
    const personId = personOf(ctx);
    const requests = await this.activeQuery(this.dataSource.manager)
      .andWhere('ir.person_id = :personId', { personId })
      .orderBy('ir.created_at', 'DESC')
      .addOrderBy('ir.id')
      .getMany();
    if (requests.length === 0) return [];
    const visible = new Set((await this.catalog.visibleCoursesByIds(ctx, [...new Set(requests.map((r) => r.courseId))])).map((c) => c.id));
    return requests.filter((r) => visible.has(r.courseId));
  }

  /** For the loader of Course.myInterestRequest: the viewer's active request per course. */
  async viewerRequestsByCourseIds(ctx: RequestContext, courseIds: readonly string[]): Promise<Map<string, InterestRequest>> {
    const personId = ctx.viewer?.kind === 'person' && isUuid(ctx.viewer.personId) ? ctx.viewer.personId : null;
    if (!personId || courseIds.length === 0) return new Map();
    const requests = await this.activeQuery(this.dataSource.manager)
      .andWhere('ir.person_id = :personId', { personId })
      .andWhere('ir.course_id IN (:...courseIds)', { courseIds })
      .getMany();
    return new Map(requests.map((r) => [r.courseId, r]));
  }

  /** Staff: the courses people wait for, the most requested first. */
  async courseDemand(_ctx: RequestContext, filter: CourseDemandFilter = {}, pageArgs?: PageArgs): Promise<Page<CourseDemand>> {
    const problems = new Problems();
    const window = pageWindow(pageArgs ?? { page: 1, perPage: 20 }, problems);
    if (filter.q && filter.q.length > 200) problems.add('filter.q', 'TOO_LONG', 'search text must be at most 200 characters');
    problems.throwIfAny();

    const params: unknown[] = [];
    const where = [ACTIVE_REQUEST];
    for (const term of searchTerms(filter.q ?? '')) {
      params.push(`%${term}%`);
      where.push(`c.search_text LIKE $${params.length}`);
    }
    const openGroup = `EXISTS (SELECT 1 FROM course_group g WHERE g.course_id = c.id AND ${UPCOMING_PUBLISHED_GROUP})`;
    if (filter.hasOpenGroup === true) where.push(openGroup);
    if (filter.hasOpenGroup === false) where.push(`NOT ${openGroup}`);
    const from = `FROM interest_request ir JOIN course c ON c.id = ir.course_id WHERE ${where.join(' AND ')}`;

    const [{ total }] = await this.dataSource.query(`SELECT count(DISTINCT ir.course_id)::int AS total ${from}`, params);
    if (total === 0) return { items: [], total };
    const rows: { course_id: string; request_count: number; latest: Date | null; has_open_group: boolean }[] = await this.dataSource.query(
      `SELECT c.id AS course_id, count(*)::int AS request_count, max(ir.created_at) AS latest, ${openGroup} AS has_open_group
         ${from}
        GROUP BY c.id
        ORDER BY request_count DESC, latest DESC, c.id
       OFFSET ${window.offset} LIMIT ${window.limit}`,
      params,
    );
    const courses = new Map((await this.dataSource.getRepository(Course).findBy({ id: In(rows.map((r) => r.course_id)) })).map((c) => [c.id, c]));
    const items = rows.map((row) => ({
      course: courses.get(row.course_id)!,
      requestCount: row.request_count,
      latestRequestAt: row.latest ? new Date(row.latest) : null,
      hasOpenGroup: row.has_open_group,
    }));
    return { items, total };
  }

  /** Staff: the people waiting for a course (or any), those who asked first first. */
  async listRequests(_ctx: RequestContext, filter: InterestRequestFilter = {}, pageArgs?: PageArgs): Promise<Page<InterestRequest>> {
    const problems = new Problems();
    const window = pageWindow(pageArgs ?? { page: 1, perPage: 20 }, problems);
    if (filter.courseId != null) problems.check(isUuid(filter.courseId), 'filter.courseId', 'INVALID_ID', 'courseId is not a valid id');
    problems.throwIfAny();
    const qb = this.activeQuery(this.dataSource.manager);
    if (filter.courseId != null) qb.andWhere('ir.course_id = :courseId', { courseId: filter.courseId });
    const [items, total] = await qb.orderBy('ir.created_at', 'ASC').addOrderBy('ir.id').offset(window.offset).limit(window.limit).getManyAndCount();
    return { items, total };
  }

  /**
   * A group of the course was published: every person with an active request who has not been told
   * of this group yet, and may still see the course, gets an e-mail, in the caller's transaction (which holds the group's row lock).
   * Returns how many were queued; the caller calls `NotificationsService.queued()` after the commit.
   */
  async groupPublished(em: EntityManager, group: { id: string; courseId: string }): Promise<number> {
    const rows: { id: string; person_id: string }[] = await em.query(
      `SELECT ir.id, ir.person_id FROM interest_request ir JOIN course c ON c.id = ir.course_id
        WHERE ir.course_id = $1 AND ir.last_notified_group_id IS DISTINCT FROM $2 AND ${ACTIVE_REQUEST} AND ${REQUESTER_SEES_COURSE}
        ORDER BY ir.created_at, ir.id FOR UPDATE OF ir`,
      [group.courseId, group.id],
    );
    if (rows.length === 0) return 0;
    const emails = await this.notices.emailsFor(
      em,
      group.id,
      rows.map((r) => r.person_id),
    );
    const queued = await this.notifications.enqueue(em, emails);
    await em.query(`UPDATE interest_request SET last_notified_group_id = $1, last_notified_at = now() WHERE id = ANY($2)`, [group.id, rows.map((r) => r.id)]);
    return queued;
  }

  /** Staff and the request's person may see who asked. */
  canSeePerson(ctx: RequestContext, request: InterestRequest): boolean {
    return isStaff(ctx.viewer) || (ctx.viewer?.kind === 'person' && ctx.viewer.personId === request.personId);
  }

  private activeQuery(em: EntityManager) {
    return em.getRepository(InterestRequest).createQueryBuilder('ir').where(ACTIVE_REQUEST);
  }
}

function personOf(ctx: RequestContext): string {
  const personId = ctx.viewer?.kind === 'person' ? ctx.viewer.personId : null;
  if (!personId || !isUuid(personId)) throw new ForbiddenError('Only a signed-in person can ask to be told of the next group');
  return personId;
}

function alreadyRequested(courseId: string): DomainError {
  return new DomainError(ErrorCode.ALREADY_EXISTS, 'You have already asked to be told of the next group of this course', { courseId });
}

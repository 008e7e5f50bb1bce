import { In, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { isStaff, type RequestContext } from '../../common/request-context.js';
import { DomainError, ErrorCode, NotFoundError, Problems } from '../../common/errors.js';
import { isUuid, pageWindow, validIds, type Page, type PageArgs, SortOrder } from '../../common/pagination.js';
import { PlainRows } from '../../db/plain-rows.js';
import { inTransaction } from '../../db/transaction.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { UPCOMING_PUBLISHED_GROUP } from '../catalog/published-groups.js';
import { Course } from '../catalog/course.entity.js';
import type { InvoicingService } from '../invoicing/invoicing.service.js';
import type { InterestService } from '../catalog/interest.service.js';
import { searchTerms } from '../catalog/search-text.js';
import { RegistrationService } from '../registration/registration.service.js';
import { Group, GroupStatus } from './group.entity.js';
import { Session } from './session.entity.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ScheduleChange, ScheduleChangeKind, type SessionChangeRecord } from './schedule-change.entity.js';
import type { GroupSeatsEvent, ScheduleEvents, ScheduleChangeEvent } from './schedule-events.js';
import { GroupSortField, type GroupFilter, type GroupInput, type GroupSort } from './scheduling.types.js';
import { snapshot, type ScheduleRecorder } from './schedule-recorder.js';

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{1,59}$/;

/** Groups: planning, publishing, confirming and cancelling them, and their live updates. */
export class GroupsService {
  /** The catalog page's groups, read without TypeORM's hydration (issue 16). */
  private readonly plainGroups: PlainRows<Group>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: CatalogService,
    private readonly registrations: RegistrationService,
    private readonly notifications: NotificationsService,
    private readonly recorder: ScheduleRecorder,
    private readonly events: ScheduleEvents,
    /** People waiting for a new group of a course hear when one is published (R-CAT-3). */
    private readonly interests: InterestService,
    /** A confirmed group's invoices, when the school issues them by themselves (R-FIN-1). */
    private readonly invoicing: InvoicingService | null = null,
  ) {
    this.plainGroups = new PlainRows(dataSource, Group);
  }

  async listGroups(_ctx: RequestContext, filter: GroupFilter = {}, sort?: GroupSort, pageArgs?: PageArgs): Promise<Page<Group>> {
    const problems = new Problems();
    const window = pageWindow(pageArgs ?? { page: 1, perPage: 20 }, problems);
    const qb = this.dataSource.getRepository(Group).createQueryBuilder('g');
    searchTerms(filter.q ?? '').forEach((term, i) =>
      qb.andWhere(`(lower(g.code) LIKE :q${i} OR EXISTS (SELECT 1 FROM course c WHERE c.id = g.course_id AND c.search_text LIKE :q${i}))`, {
        [`q${i}`]: `%${term}%`,
      }),
    );
    if (filter.courseId) {
      if (!isUuid(filter.courseId)) problems.add('filter.courseId', 'INVALID_ID', 'courseId is not a valid id');
      else qb.andWhere('g.course_id = :courseId', { courseId: filter.courseId });
    }
    if (filter.statuses?.length) qb.andWhere('g.status IN (:...statuses)', { statuses: filter.statuses });
    if (validIds(filter.ids, 'filter.ids', problems)) qb.andWhere(filter.ids.length ? 'g.id IN (:...ids)' : 'false', { ids: filter.ids });
    problems.throwIfAny();

    const total = await qb.getCount();
    this.sortGroups(qb, sort);
    const items = total === 0 ? [] : await qb.offset(window.offset).limit(window.limit).getMany();
    return { items, total };
  }

  private sortGroups(qb: SelectQueryBuilder<Group>, sort?: GroupSort): void {
    const order = sort?.order === SortOrder.DESC ? 'DESC' : 'ASC';
    switch (sort?.field ?? GroupSortField.STARTS_AT) {
      case GroupSortField.CODE:
        qb.orderBy('g.code', order);
        break;
      case GroupSortField.STATUS:
        qb.orderBy('g.status', order);
        break;
      case GroupSortField.CREATED_AT:
        qb.orderBy('g.created_at', order);
        break;
      default:
        qb.orderBy('(SELECT min(s.starts_at) FROM session s WHERE s.group_id = g.id)', order, 'NULLS LAST');
    }
    qb.addOrderBy('g.id', 'ASC');
  }

  /** Staff see every group; others see a group that is not PLANNED, of a course they may see. */
  async getGroup(ctx: RequestContext, id: string): Promise<Group> {
    const group = isUuid(id) ? await this.dataSource.getRepository(Group).findOneBy({ id }) : null;
    if (!group || !isStaff(ctx.viewer)) {
      const visible = group && group.status !== GroupStatus.PLANNED && (await this.catalog.visibleCoursesByIds(ctx, [group.courseId])).length > 0;
      if (!visible) throw new NotFoundError('Group', id);
    }
    return group!;
  }

  groupsByIds(ids: readonly string[]): Promise<Group[]> {
    return this.dataSource.getRepository(Group).findBy({ id: In([...ids]) });
  }

  /** Published groups that have not ended, per course, soonest first: what the catalog offers. */
  upcomingPublishedGroupsByCourseIds(courseIds: readonly string[]): Promise<Group[]> {
    return this.plainGroups.select(
      'g',
      `WHERE g.course_id = ANY($1) AND ${UPCOMING_PUBLISHED_GROUP}
       ORDER BY (SELECT min(s.starts_at) FROM session s WHERE s.group_id = g.id) ASC NULLS LAST, g.code`,
      [courseIds],
    );
  }

  /** The next session start per course, in upcoming published groups. */
  async nextSessionStartByCourseIds(courseIds: readonly string[]): Promise<Map<string, Date>> {
    const rows: { course_id: string; next: Date }[] = await this.dataSource.query(
      `SELECT g.course_id, min(s.starts_at) AS next
         FROM course_group g JOIN session s ON s.group_id = g.id
        WHERE g.course_id = ANY($1) AND s.starts_at > now() AND ${UPCOMING_PUBLISHED_GROUP}
        GROUP BY g.course_id`,
      [courseIds],
    );
    return new Map(rows.map((row) => [row.course_id, row.next]));
  }

  async createGroup(_ctx: RequestContext, input: GroupInput): Promise<Group> {
    const { group, told } = await inTransaction(this.dataSource, async (em) => {
      const group = em.create(Group, { status: GroupStatus.PLANNED, registrationDeadline: null, priceOverrideCents: null });
      await this.assignGroup(em, group, input, true);
      const saved = await em.save(group);
      return { group: saved, told: await this.publishedToInterested(em, saved, GroupStatus.PLANNED) };
    });
    if (told > 0) this.notifications.queued();
    return group;
  }

  async updateGroup(ctx: RequestContext, id: string, input: GroupInput): Promise<Group> {
    const { group, change, told } = await inTransaction(this.dataSource, async (em) => {
      // The row lock serializes this with registrations, which count seats under the same lock.
      const group = isUuid(id) ? await em.findOne(Group, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!group) throw new NotFoundError('Group', id);
      const previousStatus = group.status;
      await this.assignGroup(em, group, input, false);
      const saved = await em.save(group);
      // A new maximum size (or status) changes the seats course pages show.
      await this.events.publishSeats(em, saved.id);
      const told = await this.publishedToInterested(em, saved, previousStatus);
      return { group: saved, change: await this.statusChanged(em, ctx, saved, previousStatus), told };
    });
    this.events.seatsCommitted(group.id);
    this.recorder.afterCommit(change);
    if (told > 0) this.notifications.queued();
    return group;
  }

  /** A planned group that opens is news for the people with an interest request for its course. */
  private publishedToInterested(em: EntityManager, group: Group, previous: GroupStatus): Promise<number> {
    const published = previous === GroupStatus.PLANNED && (group.status === GroupStatus.OPEN || group.status === GroupStatus.CONFIRMED);
    return published ? this.interests.groupPublished(em, group) : Promise.resolve(0);
  }

  /** Cancels a group: its people and lecturers are told, with the reason, and their calendar entries removed. */
  cancelGroup(ctx: RequestContext, id: string, reason: string | null): Promise<Group> {
    return this.updateGroup(ctx, id, { status: GroupStatus.CANCELLED, cancellationReason: reason });
  }

  /**
   * An OPEN group whose confirmed registrations reached its minimum size is CONFIRMED (R-REG-6) and
   * its people told, in the registration's transaction (which holds the group's row lock). The
   * returned function announces the change once that transaction has committed.
   */
  async confirmGroupAtMinimum(em: EntityManager, ctx: RequestContext, groupId: string): Promise<() => void> {
    const group = await em.findOneByOrFail(Group, { id: groupId });
    if (group.status !== GroupStatus.OPEN) return () => {};
    group.status = GroupStatus.CONFIRMED;
    const change = await this.statusChanged(em, ctx, await em.save(group), GroupStatus.OPEN);
    return () => this.recorder.afterCommit(change);
  }

  /** A group that became CANCELLED or CONFIRMED is news for its people. */
  private async statusChanged(em: EntityManager, ctx: RequestContext, group: Group, previous: GroupStatus): Promise<ScheduleChange | null> {
    if (group.status === previous) return null;
    if (group.status !== GroupStatus.CANCELLED && group.status !== GroupStatus.CONFIRMED) return null;
    if (group.status === GroupStatus.CONFIRMED) await this.invoicing?.issueForConfirmedGroup(em, group.id);
    const sessions = await em.find(Session, { where: { groupId: group.id }, order: { startsAt: 'ASC', id: 'ASC' } });
    const records: SessionChangeRecord[] = [];
    for (const session of sessions) {
      const before = snapshot(session);
      if (group.status === GroupStatus.CANCELLED) {
        // Calendars replace an entry only by a higher SEQUENCE.
        session.sequence += 1;
        await em.update(Session, { id: session.id }, { sequence: session.sequence });
      }
      records.push({ sessionId: session.id, before, after: snapshot(session) });
    }
    const kind = group.status === GroupStatus.CANCELLED ? ScheduleChangeKind.GROUP_CANCELLED : ScheduleChangeKind.GROUP_CONFIRMED;
    return this.recorder.record(em, ctx, group, kind, records);
  }

  private async assignGroup(em: EntityManager, group: Group, input: GroupInput, creating: boolean): Promise<void> {
    const problems = new Problems();
    const code = input.code?.trim();
    if (creating || input.code != null)
      problems.check(!!code && CODE.test(code), 'code', 'INVALID_CODE', 'code must be 2-60 letters, digits, dots, dashes or underscores');
    if (creating || input.courseId != null) {
      const known = isUuid(input.courseId ?? '') && (await em.existsBy(Course, { id: input.courseId! }));
      problems.check(known, 'courseId', 'UNKNOWN_COURSE', 'courseId must name an existing course');
    }
    const minSize = input.minSize ?? group.minSize;
    const maxSize = input.maxSize ?? group.maxSize;
    if (creating || input.minSize != null)
      problems.check(Number.isInteger(minSize) && minSize >= 1 && minSize <= 1000, 'minSize', 'OUT_OF_RANGE', 'minSize must be from 1 to 1000');
    if (creating || input.maxSize != null)
      problems.check(Number.isInteger(maxSize) && maxSize >= 1 && maxSize <= 1000, 'maxSize', 'OUT_OF_RANGE', 'maxSize must be from 1 to 1000');
    if (Number.isInteger(minSize) && Number.isInteger(maxSize) && minSize > maxSize)
      problems.add('maxSize', 'MIN_ABOVE_MAX', 'maxSize must not be smaller than minSize');
    if (!creating && input.maxSize != null) {
      const taken = (await this.registrations.seatsTakenByGroupIds([group.id], em)).get(group.id) ?? 0;
      problems.check(maxSize >= taken, 'maxSize', 'BELOW_TAKEN', `maxSize must not be below the ${taken} seats already taken`);
    }
    if (input.priceOverrideCents != null) {
      const price = input.priceOverrideCents;
      problems.check(
        Number.isInteger(price) && price >= 0 && price <= 10_000_000,
        'priceOverrideCents',
        'OUT_OF_RANGE',
        'priceOverrideCents must be a whole number of cents from 0',
      );
    }
    if (input.registrationDeadline != null) {
      problems.check(
        !Number.isNaN(new Date(input.registrationDeadline).getTime()),
        'registrationDeadline',
        'INVALID_DATE',
        'registrationDeadline is not a date',
      );
    }
    const euProjectId = input.euProjectId || null;
    if (euProjectId) {
      const known = isUuid(euProjectId) && (await em.query(`SELECT 1 FROM eu_project WHERE id = $1`, [euProjectId])).length > 0;
      problems.check(known, 'euProjectId', 'UNKNOWN_PROJECT', 'euProjectId must name an existing EU project');
    }
    problems.throwIfAny();

    if (code && code !== group.code) {
      if (await em.existsBy(Group, { code })) throw new DomainError(ErrorCode.ALREADY_EXISTS, `Group code ${code} is taken`, { field: 'code' });
      group.code = code;
    }
    if (input.courseId != null) group.courseId = input.courseId;
    if (input.status != null) group.status = input.status;
    group.minSize = minSize;
    group.maxSize = maxSize;
    if (input.registrationDeadline !== undefined) group.registrationDeadline = input.registrationDeadline;
    if (input.priceOverrideCents !== undefined) group.priceOverrideCents = input.priceOverrideCents;
    if (input.euProjectId != null) group.euProjectId = euProjectId;
    if (input.cancellationReason !== undefined) group.cancellationReason = input.cancellationReason?.trim().slice(0, 1000) || null;
  }

  /** The schedule change events the viewer may see, from now on. */
  subscribeToChanges(ctx: RequestContext, groupIds: readonly string[] | null): AsyncIterableIterator<ScheduleChangeEvent> {
    return this.events.subscribe(ctx, groupIds);
  }

  /** Live seat counts of the groups of a course page (R-REG-5): at most 50 groups at a time. */
  subscribeToSeats(ctx: RequestContext, groupIds: readonly string[]): AsyncIterableIterator<GroupSeatsEvent> {
    const problems = new Problems();
    problems.check(groupIds.length <= 50, 'groupIds', 'TOO_MANY', 'At most 50 groups at a time');
    groupIds.forEach((id, i) => problems.check(isUuid(id), `groupIds.${i}`, 'INVALID_ID', 'Not a valid group id'));
    problems.throwIfAny();
    return this.events.subscribeSeats(ctx, groupIds);
  }
}

import { In, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { isStaff, type RequestContext } from '../../graphql/context.js';
import { RegistrationStatus, SCHEDULE_EXPECTING_STATUSES } from '../registration/registration.entity.js';
import { DomainError, ErrorCode, ForbiddenError, NotFoundError, Problems } from '../../graphql/errors.js';
import { isUuid, pageWindow, validIds, type Page, type PageArgs, SortOrder } from '../../graphql/pagination.js';
import { inTransaction } from '../../db/transaction.js';
import { CatalogService, UPCOMING_PUBLISHED_GROUP } from '../catalog/catalog.service.js';
import { Course } from '../catalog/course.entity.js';
import type { InterestService } from '../catalog/interest.service.js';
import { searchTerms } from '../catalog/search-text.js';
import { EMAIL } from '../people/contact-rules.js';
import { RegistrationService } from '../registration/registration.service.js';
import { Group, GroupStatus } from './group.entity.js';
import { Lecturer } from './lecturer.entity.js';
import { Place } from './place.entity.js';
import { Session } from './session.entity.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ScheduleChange, ScheduleChangeKind, type SessionChangeRecord, type SessionSnapshot } from './schedule-change.entity.js';
import type { GroupSeatsEvent, ScheduleEvents, ScheduleChangeEvent } from './schedule-events.js';
import { changedAspects, ScheduleNotices, sessionEvent } from './schedule-notices.js';
import type { CalendarEvent } from '../notifications/calendar.js';
import { Language, Person } from '../people/person.entity.js';
import {
  GroupSortField,
  type GroupFilter,
  type GroupInput,
  type GroupSort,
  type LecturerInput,
  type NameFilter,
  type PlaceInput,
  type SessionFilter,
  type SessionInput,
  ConflictKind,
  type ConflictDetail,
  type ScheduleEdits,
  type MySession,
  ScheduleRole,
} from './scheduling.types.js';

/** A session as a schedule change records it. */
function snapshot(s: Session): SessionSnapshot {
  return {
    id: s.id,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    placeId: s.placeId,
    onlineUrl: s.onlineUrl,
    lecturerId: s.lecturerId,
    sequence: s.sequence,
  };
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{1,59}$/;
const MAX_SESSION_HOURS = 14;

function validUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

export class SchedulingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: CatalogService,
    private readonly registrations: RegistrationService,
    private readonly notifications: NotificationsService,
    private readonly notices: ScheduleNotices,
    private readonly events: ScheduleEvents,
    /** People waiting for a new group of a course hear when one is published (R-CAT-3). */
    private readonly interests: InterestService,
  ) {}

  // Groups

  async listGroups(_ctx: RequestContext, filter: GroupFilter = {}, sort?: GroupSort, pageArgs?: PageArgs): Promise<Page<Group>> {
    const problems = new Problems();
    const window = pageWindow(pageArgs ?? { page: 1, perPage: 20 }, problems);
    const qb = this.dataSource.getRepository(Group).createQueryBuilder('g');
    searchTerms(filter.q ?? '').forEach((term, i) =>
      qb.andWhere(
        `(lower(g.code) LIKE :q${i} OR EXISTS (SELECT 1 FROM course c WHERE c.id = g.course_id AND c.search_text LIKE :q${i}))`,
        { [`q${i}`]: `%${term}%` },
      ),
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
    return this.dataSource
      .getRepository(Group)
      .createQueryBuilder('g')
      .where('g.course_id IN (:...courseIds)', { courseIds })
      .andWhere(UPCOMING_PUBLISHED_GROUP)
      .orderBy('(SELECT min(s.starts_at) FROM session s WHERE s.group_id = g.id)', 'ASC', 'NULLS LAST')
      .addOrderBy('g.code')
      .getMany();
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
    this.afterCommit(change);
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
    return () => this.afterCommit(change);
  }

  /** A group that became CANCELLED or CONFIRMED is news for its people. */
  private async statusChanged(em: EntityManager, ctx: RequestContext, group: Group, previous: GroupStatus): Promise<ScheduleChange | null> {
    if (group.status === previous) return null;
    if (group.status !== GroupStatus.CANCELLED && group.status !== GroupStatus.CONFIRMED) return null;
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
    return this.recordChange(em, ctx, group, kind, records);
  }

  private async assignGroup(em: EntityManager, group: Group, input: GroupInput, creating: boolean): Promise<void> {
    const problems = new Problems();
    const code = input.code?.trim();
    if (creating || input.code != null) problems.check(!!code && CODE.test(code), 'code', 'INVALID_CODE', 'code must be 2-60 letters, digits, dots, dashes or underscores');
    if (creating || input.courseId != null) {
      const known = isUuid(input.courseId ?? '') && (await em.existsBy(Course, { id: input.courseId! }));
      problems.check(known, 'courseId', 'UNKNOWN_COURSE', 'courseId must name an existing course');
    }
    const minSize = input.minSize ?? group.minSize;
    const maxSize = input.maxSize ?? group.maxSize;
    if (creating || input.minSize != null) problems.check(Number.isInteger(minSize) && minSize >= 1 && minSize <= 1000, 'minSize', 'OUT_OF_RANGE', 'minSize must be from 1 to 1000');
    if (creating || input.maxSize != null) problems.check(Number.isInteger(maxSize) && maxSize >= 1 && maxSize <= 1000, 'maxSize', 'OUT_OF_RANGE', 'maxSize must be from 1 to 1000');
    if (Number.isInteger(minSize) && Number.isInteger(maxSize) && minSize > maxSize) problems.add('maxSize', 'MIN_ABOVE_MAX', 'maxSize must not be smaller than minSize');
    if (!creating && input.maxSize != null) {
      const taken = (await this.registrations.seatsTakenByGroupIds([group.id], em)).get(group.id) ?? 0;
      problems.check(maxSize >= taken, 'maxSize', 'BELOW_TAKEN', `maxSize must not be below the ${taken} seats already taken`);
    }
    if (input.priceOverrideCents != null) {
      const price = input.priceOverrideCents;
      problems.check(Number.isInteger(price) && price >= 0 && price <= 10_000_000, 'priceOverrideCents', 'OUT_OF_RANGE', 'priceOverrideCents must be a whole number of cents from 0');
    }
    if (input.registrationDeadline != null) {
      problems.check(!Number.isNaN(new Date(input.registrationDeadline).getTime()), 'registrationDeadline', 'INVALID_DATE', 'registrationDeadline is not a date');
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
    if (input.cancellationReason !== undefined) group.cancellationReason = input.cancellationReason?.trim().slice(0, 1000) || null;
  }

  // Sessions

  async listSessions(_ctx: RequestContext, filter: SessionFilter = {}, pageArgs?: PageArgs): Promise<Page<Session>> {
    const problems = new Problems();
    const window = pageWindow(pageArgs ?? { page: 1, perPage: 50 }, problems);
    const qb = this.dataSource.getRepository(Session).createQueryBuilder('s');
    for (const key of ['groupId', 'lecturerId', 'placeId'] as const) {
      const value = filter[key];
      if (value == null) continue;
      const column = { groupId: 'group_id', lecturerId: 'lecturer_id', placeId: 'place_id' }[key];
      if (!isUuid(value)) problems.add(`filter.${key}`, 'INVALID_ID', `${key} is not a valid id`);
      else qb.andWhere(`s.${column} = :${key}`, { [key]: value });
    }
    if (filter.from) qb.andWhere('s.ends_at > :from', { from: filter.from });
    if (filter.to) qb.andWhere('s.starts_at < :to', { to: filter.to });
    if (validIds(filter.ids, 'filter.ids', problems)) qb.andWhere(filter.ids.length ? 's.id IN (:...ids)' : 'false', { ids: filter.ids });
    problems.throwIfAny();
    const [items, total] = await qb.orderBy('s.starts_at').addOrderBy('s.id').offset(window.offset).limit(window.limit).getManyAndCount();
    return { items, total };
  }

  async getSession(_ctx: RequestContext, id: string): Promise<Session> {
    const session = isUuid(id) ? await this.dataSource.getRepository(Session).findOneBy({ id }) : null;
    if (!session) throw new NotFoundError('Session', id);
    return session;
  }

  sessionsByIds(ids: readonly string[]): Promise<Session[]> {
    return this.dataSource.getRepository(Session).findBy({ id: In([...ids]) });
  }

  sessionsByGroupIds(groupIds: readonly string[]): Promise<Session[]> {
    return this.dataSource.getRepository(Session).find({ where: { groupId: In([...groupIds]) }, order: { startsAt: 'ASC', id: 'ASC' } });
  }

  /**
   * Per group, whether the viewer may see its online meeting links: staff, the group's confirmed
   * participants and the lecturers of its sessions. Anyone else (the public catalog) only learns
   * that a session is online.
   */
  async meetingAccessByGroupIds(ctx: RequestContext, groupIds: readonly string[]): Promise<Map<string, boolean>> {
    if (isStaff(ctx.viewer)) return new Map(groupIds.map((id) => [id, true]));
    if (ctx.viewer?.kind !== 'person' || groupIds.length === 0) return new Map();
    const rows: { group_id: string }[] = await this.dataSource.query(
      `SELECT r.group_id FROM registration r WHERE r.person_id = $1 AND r.group_id = ANY($2) AND r.status = $3
       UNION
       SELECT s.group_id FROM session s JOIN lecturer l ON l.id = s.lecturer_id WHERE l.person_id = $1 AND s.group_id = ANY($2)`,
      [ctx.viewer.personId, [...groupIds], RegistrationStatus.CONFIRMED],
    );
    return new Map(rows.map((row) => [row.group_id, true]));
  }

  async createSession(ctx: RequestContext, input: SessionInput): Promise<Session> {
    const problems = new Problems();
    const known = isUuid(input.groupId ?? '') && (await this.dataSource.getRepository(Group).existsBy({ id: input.groupId! }));
    problems.check(known, 'groupId', 'UNKNOWN_GROUP', 'groupId must name an existing group');
    problems.throwIfAny();
    const { sessions } = await this.saveSchedule(ctx, input.groupId!, { create: [input], overrideConflicts: input.overrideConflicts });
    return sessions[0];
  }

  async updateSession(ctx: RequestContext, id: string, input: SessionInput): Promise<Session> {
    const session = isUuid(id) ? await this.dataSource.getRepository(Session).findOneBy({ id }) : null;
    if (!session) throw new NotFoundError('Session', id);
    const { sessions } = await this.saveSchedule(ctx, session.groupId, { update: [{ id, input }], overrideConflicts: input.overrideConflicts });
    return sessions[0];
  }

  async deleteSession(ctx: RequestContext, id: string): Promise<Session> {
    const session = isUuid(id) ? await this.dataSource.getRepository(Session).findOneBy({ id }) : null;
    if (!session) throw new NotFoundError('Session', id);
    await this.saveSchedule(ctx, session.groupId, { delete: [id] });
    return session;
  }

  /**
   * Several session edits of one group saved together: one transaction, one schedule change, one
   * e-mail per person however many sessions and fields changed. Conflicts (a lecturer or a place
   * in two sessions at once) refuse the save unless `overrideConflicts`.
   */
  async saveSchedule(ctx: RequestContext, groupId: string, edits: ScheduleEdits): Promise<{ sessions: Session[]; change: ScheduleChange | null }> {
    const result = await inTransaction(this.dataSource, async (em) => {
      // Serializes schedule saves of one group with each other and with registrations.
      const group = isUuid(groupId) ? await em.findOne(Group, { where: { id: groupId }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!group) throw new NotFoundError('Group', groupId);
      const records: SessionChangeRecord[] = [];
      const saved: Session[] = [];
      const touched: Session[] = [];

      for (const [index, input] of (edits.create ?? []).entries()) {
        const session = em.create(Session, { groupId: group.id, placeId: null, onlineUrl: null, lecturerId: null, sequence: 0 });
        await this.assignSession(em, session, input, true, edits.create!.length > 1 ? `create.${index}.` : '');
        touched.push(session);
        records.push({ sessionId: '', before: null, after: null });
      }
      for (const [index, { id, input }] of (edits.update ?? []).entries()) {
        const session = isUuid(id) ? await em.findOne(Session, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
        if (!session || session.groupId !== group.id) throw new NotFoundError('Session', id);
        const before = snapshot(session);
        await this.assignSession(em, session, input, false, edits.update!.length > 1 ? `update.${index}.` : '');
        if (changedAspects(before, snapshot(session)).length > 0) session.sequence += 1;
        touched.push(session);
        records.push({ sessionId: id, before, after: null });
      }
      const deleted: Session[] = [];
      for (const id of edits.delete ?? []) {
        const session = isUuid(id) ? await em.findOne(Session, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
        if (!session || session.groupId !== group.id) throw new NotFoundError('Session', id);
        deleted.push(session);
      }

      if (group.status !== GroupStatus.CANCELLED && !edits.overrideConflicts) {
        const conflicts = await this.findConflicts(em, touched, [...touched, ...deleted].map((s) => s.id).filter(Boolean));
        if (conflicts.length > 0) {
          throw new DomainError(ErrorCode.SCHEDULE_CONFLICT, `The lecturer or the place is busy at that time (${conflicts.length} conflict(s)); save again with overrideConflicts to keep it anyway`, { conflicts });
        }
      }

      for (const [i, session] of touched.entries()) {
        saved.push(await em.save(session));
        records[i].sessionId = session.id;
        records[i].after = snapshot(session);
      }
      for (const session of deleted) {
        await em.delete(Session, { id: session.id });
        records.push({ sessionId: session.id, before: snapshot(session), after: null });
      }
      const meaningful = records.filter((r) => !r.before || !r.after || changedAspects(r.before, r.after).length > 0);
      const change = await this.recordChange(em, ctx, group, ScheduleChangeKind.SESSIONS_CHANGED, meaningful);
      return { sessions: saved, change };
    });
    this.afterCommit(result.change);
    return result;
  }

  /**
   * Sessions that would share a lecturer or a place with `sessions` at the same time, in groups
   * that are not cancelled (the sessions being edited themselves excepted). Advisory locks on each
   * lecturer and place make two concurrent saves check one after the other.
   */
  private async findConflicts(em: EntityManager, sessions: Session[], excluded: string[]): Promise<ConflictDetail[]> {
    const keys = [...new Set(sessions.flatMap((s) => [s.lecturerId && `lecturer:${s.lecturerId}`, s.placeId && `place:${s.placeId}`]).filter((k): k is string => !!k))].sort();
    for (const key of keys) await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
    const conflicts: ConflictDetail[] = [];
    for (const [index, session] of sessions.entries()) {
      if (!session.lecturerId && !session.placeId) continue;
      const rows: { id: string; group_id: string; code: string; starts_at: Date; ends_at: Date; lecturer_id: string | null; place_id: string | null }[] = await em.query(
        `SELECT s.id, s.group_id, g.code, s.starts_at, s.ends_at, s.lecturer_id, s.place_id
           FROM session s JOIN course_group g ON g.id = s.group_id
          WHERE g.status <> 'CANCELLED' AND NOT (s.id = ANY($1::uuid[]))
            AND (s.lecturer_id = $2 OR s.place_id = $3) AND s.starts_at < $5 AND s.ends_at > $4
          ORDER BY s.starts_at`,
        [excluded, session.lecturerId, session.placeId, session.startsAt, session.endsAt],
      );
      const others = rows.map((r) => ({ id: r.id, group_id: r.group_id, code: r.code, starts_at: new Date(r.starts_at), ends_at: new Date(r.ends_at), lecturer_id: r.lecturer_id, place_id: r.place_id }));
      // Sessions of the same save may collide with each other too.
      for (const other of sessions.slice(index + 1)) {
        if (other.startsAt < session.endsAt && other.endsAt > session.startsAt) {
          others.push({ id: other.id ?? '', group_id: other.groupId, code: '', starts_at: other.startsAt, ends_at: other.endsAt, lecturer_id: other.lecturerId, place_id: other.placeId });
        }
      }
      for (const other of others) {
        const kinds = [
          ...(session.lecturerId && other.lecturer_id === session.lecturerId ? [ConflictKind.LECTURER] : []),
          ...(session.placeId && other.place_id === session.placeId ? [ConflictKind.PLACE] : []),
        ];
        if (kinds.length === 0) continue;
        conflicts.push({
          sessionId: session.id ?? null,
          startsAt: session.startsAt,
          kinds,
          otherSessionId: other.id || null,
          otherGroupId: other.group_id,
          otherGroupCode: other.code,
          otherStartsAt: other.starts_at,
          otherEndsAt: other.ends_at,
        });
      }
    }
    return conflicts;
  }

  /** Conflicts of saved sessions, for flagging them in lists (loader). */
  async conflictsBySessionIds(ids: readonly string[]): Promise<Map<string, ConflictDetail[]>> {
    const rows: { session_id: string; starts_at: Date; other_id: string; group_id: string; code: string; other_starts: Date; other_ends: Date; lecturer: boolean; place: boolean }[] =
      await this.dataSource.query(
        `SELECT a.id AS session_id, a.starts_at, b.id AS other_id, b.group_id, gb.code, b.starts_at AS other_starts, b.ends_at AS other_ends,
                (a.lecturer_id IS NOT NULL AND a.lecturer_id = b.lecturer_id) AS lecturer,
                (a.place_id IS NOT NULL AND a.place_id = b.place_id) AS place
           FROM session a
           JOIN course_group ga ON ga.id = a.group_id AND ga.status <> 'CANCELLED'
           JOIN session b ON b.id <> a.id AND b.starts_at < a.ends_at AND b.ends_at > a.starts_at
                         AND (a.lecturer_id = b.lecturer_id OR a.place_id = b.place_id)
           JOIN course_group gb ON gb.id = b.group_id AND gb.status <> 'CANCELLED'
          WHERE a.id = ANY($1::uuid[])
          ORDER BY b.starts_at`,
        [ids],
      );
    const byId = new Map<string, ConflictDetail[]>();
    for (const r of rows) {
      const kinds = [...(r.lecturer ? [ConflictKind.LECTURER] : []), ...(r.place ? [ConflictKind.PLACE] : [])];
      const list = byId.get(r.session_id) ?? [];
      list.push({
        sessionId: r.session_id,
        startsAt: new Date(r.starts_at),
        kinds,
        otherSessionId: r.other_id,
        otherGroupId: r.group_id,
        otherGroupCode: r.code,
        otherStartsAt: new Date(r.other_starts),
        otherEndsAt: new Date(r.other_ends),
      });
      byId.set(r.session_id, list);
    }
    return byId;
  }

  /**
   * The signed-in person's sessions, in time order: of groups they are registered in (confirmed or
   * waiting; cancelled groups too, so that a cancellation shows) and those they teach.
   */
  async mySessions(ctx: RequestContext): Promise<MySession[]> {
    if (ctx.viewer?.kind !== 'person') throw new ForbiddenError('Only a signed-in person has a schedule');
    const personId = ctx.viewer.personId;
    const rows: { id: string; role: ScheduleRole; status: RegistrationStatus | null }[] = await this.dataSource.query(
      `SELECT s.id, 'PARTICIPANT' AS role, r.status, s.starts_at
         FROM session s JOIN course_group g ON g.id = s.group_id
         JOIN registration r ON r.group_id = g.id AND r.person_id = $1 AND r.status = ANY($2)
        WHERE g.status <> 'PLANNED'
       UNION ALL
       SELECT s.id, 'LECTURER' AS role, NULL, s.starts_at
         FROM session s JOIN lecturer l ON l.id = s.lecturer_id AND l.person_id = $1
       ORDER BY starts_at, id
       LIMIT 1000`,
      [personId, [...SCHEDULE_EXPECTING_STATUSES]],
    );
    const sessions = new Map((await this.sessionsByIds([...new Set(rows.map((r) => r.id))])).map((s) => [s.id, s]));
    return rows.flatMap((row) => {
      const session = sessions.get(row.id);
      return session ? [{ session, role: row.role, registrationStatus: row.status }] : [];
    });
  }

  /**
   * A person's sessions as calendar entries: those of groups they are confirmed in (published or
   * held) and those they teach, from half a year back.
   */
  async calendarEventsOfPerson(personId: string, language: Language, publicUrl: string): Promise<CalendarEvent[]> {
    const rows: (Session & { group_code: string; title_lv: string; title_en: string })[] = await this.dataSource.query(
      `SELECT s.id, s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.online_url AS "onlineUrl", s.place_id AS "placeId", s.sequence,
              g.code AS group_code, c.title_lv, c.title_en
         FROM session s JOIN course_group g ON g.id = s.group_id JOIN course c ON c.id = g.course_id
        WHERE s.ends_at > now() - interval '183 days'
          AND ((g.status IN ('OPEN', 'CONFIRMED', 'COMPLETED')
                AND EXISTS (SELECT 1 FROM registration r WHERE r.group_id = g.id AND r.person_id = $1 AND r.status = 'CONFIRMED'))
            OR (g.status <> 'CANCELLED' AND s.lecturer_id IN (SELECT l.id FROM lecturer l WHERE l.person_id = $1)))
        ORDER BY s.starts_at, s.id
        LIMIT 2000`,
      [personId],
    );
    const places = new Map((await this.placesByIds([...new Set(rows.map((r) => r.placeId).filter((id): id is string => !!id))])).map((p) => [p.id, p]));
    return rows.map((row) =>
      sessionEvent(
        { id: row.id, startsAt: new Date(row.startsAt), endsAt: new Date(row.endsAt), onlineUrl: row.onlineUrl, sequence: row.sequence },
        {
          title: language === Language.EN ? row.title_en || row.title_lv : row.title_lv,
          groupCode: row.group_code,
          place: row.placeId ? places.get(row.placeId) : undefined,
          language,
          publicUrl,
          cancelled: false,
        },
      ),
    );
  }

  /** Stores the change, queues its e-mails and its live event, all in the caller's transaction. */
  private async recordChange(em: EntityManager, ctx: RequestContext, group: Group, kind: ScheduleChangeKind, records: SessionChangeRecord[]): Promise<ScheduleChange | null> {
    if (records.length === 0 && kind === ScheduleChangeKind.SESSIONS_CHANGED) return null;
    const change = await em.save(
      em.create(ScheduleChange, { groupId: group.id, kind, sessions: records, changedBy: ctx.viewer?.kind === 'person' && isUuid(ctx.viewer.personId) ? ctx.viewer.personId : null }),
    );
    await this.notifications.enqueue(em, await this.notices.emailsFor(em, change, group));
    await this.events.publish(em, change);
    return change;
  }

  /** Once committed: the local worker delivers at once, and local subscribers hear of it. */
  private afterCommit(change: ScheduleChange | null): void {
    if (!change) return;
    this.notifications.queued();
    this.events.committed(change);
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

  private async assignSession(em: EntityManager, session: Session, input: SessionInput, creating: boolean, prefix = ''): Promise<void> {
    const problems = new Problems();
    const field = (name: string) => `${prefix}${name}`;
    if (!creating && input.groupId != null && input.groupId !== session.groupId) {
      problems.add(field('groupId'), 'GROUP_FIXED', 'a session cannot move to another group: delete it and add it there');
    }
    const startsAt = input.startsAt ?? session.startsAt;
    const endsAt = input.endsAt ?? session.endsAt;
    problems.check(startsAt instanceof Date && !Number.isNaN(startsAt.getTime()), field('startsAt'), 'REQUIRED', 'startsAt is required');
    problems.check(endsAt instanceof Date && !Number.isNaN(endsAt.getTime()), field('endsAt'), 'REQUIRED', 'endsAt is required');
    if (startsAt instanceof Date && endsAt instanceof Date) {
      problems.check(endsAt.getTime() > startsAt.getTime(), field('endsAt'), 'END_BEFORE_START', 'endsAt must be after startsAt');
      problems.check(endsAt.getTime() - startsAt.getTime() <= MAX_SESSION_HOURS * 3600_000, field('endsAt'), 'TOO_LONG', `a session lasts at most ${MAX_SESSION_HOURS} hours`);
    }
    const placeId = input.placeId !== undefined ? input.placeId || null : session.placeId;
    const onlineUrl = input.onlineUrl !== undefined ? input.onlineUrl?.trim() || null : session.onlineUrl;
    const lecturerId = input.lecturerId !== undefined ? input.lecturerId || null : session.lecturerId;
    if (placeId) {
      const known = isUuid(placeId) && (await em.existsBy(Place, { id: placeId }));
      problems.check(known, field('placeId'), 'UNKNOWN_PLACE', 'placeId must name an existing place');
    }
    if (onlineUrl) problems.check(validUrl(onlineUrl) && onlineUrl.length <= 2000, field('onlineUrl'), 'INVALID_URL', 'onlineUrl must be an http(s) address');
    if (!placeId && !onlineUrl) problems.add(field('placeId'), 'PLACE_OR_LINK_REQUIRED', 'a session needs a place or an online link');
    if (lecturerId) {
      const known = isUuid(lecturerId) && (await em.existsBy(Lecturer, { id: lecturerId }));
      problems.check(known, field('lecturerId'), 'UNKNOWN_LECTURER', 'lecturerId must name an existing lecturer');
    }
    problems.throwIfAny();
    Object.assign(session, { startsAt, endsAt, placeId, onlineUrl, lecturerId });
  }

  // Lecturers and places

  async listLecturers(_ctx: RequestContext, filter: NameFilter = {}, pageArgs?: PageArgs): Promise<Page<Lecturer>> {
    const problems = new Problems();
    const window = pageWindow(pageArgs ?? { page: 1, perPage: 100 }, problems);
    const qb = this.dataSource.getRepository(Lecturer).createQueryBuilder('l');
    searchTerms(filter.q ?? '').forEach((term, i) => qb.andWhere(`lower(l.name) LIKE :q${i}`, { [`q${i}`]: `%${term}%` }));
    if (validIds(filter.ids, 'filter.ids', problems)) qb.andWhere(filter.ids.length ? 'l.id IN (:...ids)' : 'false', { ids: filter.ids });
    problems.throwIfAny();
    const [items, total] = await qb.orderBy('l.name').offset(window.offset).limit(window.limit).getManyAndCount();
    return { items, total };
  }

  lecturerOfPerson(personId: string): Promise<Lecturer | null> {
    return this.dataSource.getRepository(Lecturer).findOneBy({ personId });
  }

  lecturersByIds(ids: readonly string[]): Promise<Lecturer[]> {
    return this.dataSource.getRepository(Lecturer).findBy({ id: In([...ids]) });
  }

  async saveLecturer(_ctx: RequestContext, id: string | null, input: LecturerInput): Promise<Lecturer> {
    return inTransaction(this.dataSource, async (em) => {
      const lecturer = id ? (isUuid(id) ? await em.findOneBy(Lecturer, { id }) : null) : em.create(Lecturer, { email: null, personId: null });
      if (!lecturer) throw new NotFoundError('Lecturer', id!);
      const problems = new Problems();
      const name = input.name?.trim();
      if (!id || input.name != null) problems.check(!!name && name.length >= 2 && name.length <= 200, 'name', 'REQUIRED', 'name must be 2-200 characters');
      const email = input.email?.trim() || null;
      if (email) problems.check(EMAIL.test(email) && email.length <= 254, 'email', 'INVALID_EMAIL', 'email is not a valid address');
      problems.throwIfAny();
      const personId = input.personId?.trim() || null;
      if (personId) {
        // The person who signs in as this lecturer (R-ID-7): one lecturer record per person.
        if (!isUuid(personId) || !(await em.existsBy(Person, { id: personId }))) problems.add('personId', 'UNKNOWN_PERSON', 'No such person');
        else {
          const other = await em.findOneBy(Lecturer, { personId });
          if (other && other.id !== lecturer.id) problems.add('personId', 'ALREADY_LINKED', `This person is already linked to the lecturer ${other.name}`);
        }
      }
      problems.throwIfAny();
      if (name) lecturer.name = name;
      if (input.email !== undefined) lecturer.email = email;
      if (input.personId !== undefined) lecturer.personId = personId;
      return em.save(lecturer);
    });
  }

  async listPlaces(_ctx: RequestContext, filter: NameFilter = {}, pageArgs?: PageArgs): Promise<Page<Place>> {
    const problems = new Problems();
    const window = pageWindow(pageArgs ?? { page: 1, perPage: 100 }, problems);
    const qb = this.dataSource.getRepository(Place).createQueryBuilder('p');
    searchTerms(filter.q ?? '').forEach((term, i) =>
      qb.andWhere(`(lower(p.name) LIKE :q${i} OR lower(p.address) LIKE :q${i})`, { [`q${i}`]: `%${term}%` }),
    );
    if (validIds(filter.ids, 'filter.ids', problems)) qb.andWhere(filter.ids.length ? 'p.id IN (:...ids)' : 'false', { ids: filter.ids });
    problems.throwIfAny();
    const [items, total] = await qb.orderBy('p.name').addOrderBy('p.room').offset(window.offset).limit(window.limit).getManyAndCount();
    return { items, total };
  }

  placesByIds(ids: readonly string[]): Promise<Place[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(Place).findBy({ id: In([...ids]) });
  }

  async savePlace(_ctx: RequestContext, id: string | null, input: PlaceInput): Promise<Place> {
    return inTransaction(this.dataSource, async (em) => {
      const place = id ? (isUuid(id) ? await em.findOneBy(Place, { id }) : null) : em.create(Place, { room: null, nameEn: null, roomEn: null });
      if (!place) throw new NotFoundError('Place', id!);
      const problems = new Problems();
      const name = input.name?.trim();
      const address = input.address?.trim();
      if (!id || input.name != null) problems.check(!!name && name.length >= 2 && name.length <= 200, 'name', 'REQUIRED', 'name must be 2-200 characters');
      if (!id || input.address != null) problems.check(!!address && address.length >= 2 && address.length <= 300, 'address', 'REQUIRED', 'address must be 2-300 characters');
      if (!id || input.capacity != null) problems.check(Number.isInteger(input.capacity) && input.capacity! >= 1 && input.capacity! <= 10_000, 'capacity', 'OUT_OF_RANGE', 'capacity must be from 1 to 10000');
      problems.throwIfAny();
      if (name) place.name = name;
      if (address) place.address = address;
      if (input.room !== undefined) place.room = input.room?.trim() || null;
      if (input.nameEn !== undefined) place.nameEn = input.nameEn?.trim() || null;
      if (input.roomEn !== undefined) place.roomEn = input.roomEn?.trim() || null;
      if (input.capacity != null) place.capacity = input.capacity;
      return em.save(place);
    });
  }
}

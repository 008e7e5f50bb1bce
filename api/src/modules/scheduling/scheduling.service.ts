import { In, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { isStaff, type RequestContext } from '../../graphql/context.js';
import { DomainError, ErrorCode, NotFoundError, Problems } from '../../graphql/errors.js';
import { isUuid, pageWindow, validIds, type Page, type PageArgs, SortOrder } from '../../graphql/pagination.js';
import { inTransaction } from '../../db/transaction.js';
import { CatalogService, UPCOMING_PUBLISHED_GROUP } from '../catalog/catalog.service.js';
import { Course } from '../catalog/course.entity.js';
import { searchTerms } from '../catalog/search-text.js';
import { EMAIL } from '../people/contact-rules.js';
import { RegistrationService } from '../registration/registration.service.js';
import { Group, GroupStatus } from './group.entity.js';
import { Lecturer } from './lecturer.entity.js';
import { Place } from './place.entity.js';
import { Session } from './session.entity.js';
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
} from './scheduling.types.js';

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

  async createGroup(ctx: RequestContext, input: GroupInput): Promise<Group> {
    return inTransaction(this.dataSource, async (em) => {
      const group = em.create(Group, { status: GroupStatus.PLANNED, registrationDeadline: null, priceOverrideCents: null });
      await this.assignGroup(em, group, input, true);
      return em.save(group);
    });
  }

  async updateGroup(ctx: RequestContext, id: string, input: GroupInput): Promise<Group> {
    return inTransaction(this.dataSource, async (em) => {
      // The row lock serializes this with registrations, which count seats under the same lock.
      const group = isUuid(id) ? await em.findOne(Group, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!group) throw new NotFoundError('Group', id);
      await this.assignGroup(em, group, input, false);
      return em.save(group);
    });
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

  sessionsByGroupIds(groupIds: readonly string[]): Promise<Session[]> {
    return this.dataSource.getRepository(Session).find({ where: { groupId: In([...groupIds]) }, order: { startsAt: 'ASC', id: 'ASC' } });
  }

  async createSession(ctx: RequestContext, input: SessionInput): Promise<Session> {
    return inTransaction(this.dataSource, async (em) => {
      const session = em.create(Session, { placeId: null, onlineUrl: null, lecturerId: null });
      await this.assignSession(em, session, input, true);
      return em.save(session);
    });
  }

  async updateSession(ctx: RequestContext, id: string, input: SessionInput): Promise<Session> {
    return inTransaction(this.dataSource, async (em) => {
      const session = isUuid(id) ? await em.findOne(Session, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!session) throw new NotFoundError('Session', id);
      await this.assignSession(em, session, input, false);
      return em.save(session);
    });
  }

  async deleteSession(ctx: RequestContext, id: string): Promise<Session> {
    return inTransaction(this.dataSource, async (em) => {
      const session = isUuid(id) ? await em.findOne(Session, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!session) throw new NotFoundError('Session', id);
      await em.delete(Session, { id });
      return session;
    });
  }

  private async assignSession(em: EntityManager, session: Session, input: SessionInput, creating: boolean): Promise<void> {
    const problems = new Problems();
    if (creating || input.groupId != null) {
      const known = isUuid(input.groupId ?? '') && (await em.existsBy(Group, { id: input.groupId! }));
      problems.check(known, 'groupId', 'UNKNOWN_GROUP', 'groupId must name an existing group');
    }
    const startsAt = input.startsAt ?? session.startsAt;
    const endsAt = input.endsAt ?? session.endsAt;
    problems.check(startsAt instanceof Date && !Number.isNaN(startsAt.getTime()), 'startsAt', 'REQUIRED', 'startsAt is required');
    problems.check(endsAt instanceof Date && !Number.isNaN(endsAt.getTime()), 'endsAt', 'REQUIRED', 'endsAt is required');
    if (startsAt instanceof Date && endsAt instanceof Date) {
      problems.check(endsAt.getTime() > startsAt.getTime(), 'endsAt', 'END_BEFORE_START', 'endsAt must be after startsAt');
      problems.check(endsAt.getTime() - startsAt.getTime() <= MAX_SESSION_HOURS * 3600_000, 'endsAt', 'TOO_LONG', `a session lasts at most ${MAX_SESSION_HOURS} hours`);
    }
    const placeId = input.placeId !== undefined ? input.placeId || null : session.placeId;
    const onlineUrl = input.onlineUrl !== undefined ? input.onlineUrl?.trim() || null : session.onlineUrl;
    const lecturerId = input.lecturerId !== undefined ? input.lecturerId || null : session.lecturerId;
    if (placeId) {
      const known = isUuid(placeId) && (await em.existsBy(Place, { id: placeId }));
      problems.check(known, 'placeId', 'UNKNOWN_PLACE', 'placeId must name an existing place');
    }
    if (onlineUrl) problems.check(validUrl(onlineUrl) && onlineUrl.length <= 2000, 'onlineUrl', 'INVALID_URL', 'onlineUrl must be an http(s) address');
    if (!placeId && !onlineUrl) problems.add('placeId', 'PLACE_OR_LINK_REQUIRED', 'a session needs a place or an online link');
    if (lecturerId) {
      const known = isUuid(lecturerId) && (await em.existsBy(Lecturer, { id: lecturerId }));
      problems.check(known, 'lecturerId', 'UNKNOWN_LECTURER', 'lecturerId must name an existing lecturer');
    }
    problems.throwIfAny();
    if (input.groupId != null) session.groupId = input.groupId;
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
      if (name) lecturer.name = name;
      if (input.email !== undefined) lecturer.email = email;
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
    return this.dataSource.getRepository(Place).findBy({ id: In([...ids]) });
  }

  async savePlace(_ctx: RequestContext, id: string | null, input: PlaceInput): Promise<Place> {
    return inTransaction(this.dataSource, async (em) => {
      const place = id ? (isUuid(id) ? await em.findOneBy(Place, { id }) : null) : em.create(Place, { room: null });
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
      if (input.capacity != null) place.capacity = input.capacity;
      return em.save(place);
    });
  }
}

import { In, type DataSource, type EntityManager } from 'typeorm';
import { isStaff, type RequestContext } from '../../common/request-context.js';
import { RegistrationStatus } from '../registration/registration.entity.js';
import { DomainError, ErrorCode, NotFoundError, Problems } from '../../common/errors.js';
import { isUuid, pageWindow, validIds, type Page, type PageArgs } from '../../common/pagination.js';
import { PlainRows } from '../../db/plain-rows.js';
import { inTransaction } from '../../db/transaction.js';
import { foldedSql, searchTerms } from '../catalog/search-text.js';
import { EMAIL } from '../people/contact-rules.js';
import { Group, GroupStatus } from './group.entity.js';
import { Lecturer } from './lecturer.entity.js';
import { Place } from './place.entity.js';
import { Session } from './session.entity.js';
import { ScheduleChange, ScheduleChangeKind, type SessionChangeRecord } from './schedule-change.entity.js';
import { changedAspects } from './schedule-notices.js';
import { Person } from '../people/person.entity.js';
import {
  type LecturerInput,
  type NameFilter,
  type PlaceInput,
  type SessionFilter,
  type SessionInput,
  ConflictKind,
  type ConflictDetail,
  type ScheduleEdits,
} from './scheduling.types.js';
import { snapshot, type ScheduleRecorder } from './schedule-recorder.js';

const MAX_SESSION_HOURS = 14;

function validUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Sessions of groups, their conflicts (R-SCH), and the lecturers and places they use. */
export class SessionsService {
  /** The catalog page's hot reads, without TypeORM's hydration (issue 16). */
  private readonly plainSessions: PlainRows<Session>;
  private readonly plainLecturers: PlainRows<Lecturer>;
  private readonly plainPlaces: PlainRows<Place>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly recorder: ScheduleRecorder,
  ) {
    this.plainSessions = new PlainRows(dataSource, Session);
    this.plainLecturers = new PlainRows(dataSource, Lecturer);
    this.plainPlaces = new PlainRows(dataSource, Place);
  }

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
    return this.plainSessions.select('s', 'WHERE s.group_id = ANY($1) ORDER BY s.starts_at, s.id', [groupIds]);
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
          throw new DomainError(
            ErrorCode.SCHEDULE_CONFLICT,
            `The lecturer or the place is busy at that time (${conflicts.length} conflict(s)); save again with overrideConflicts to keep it anyway`,
            { conflicts },
          );
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
      const change = await this.recorder.record(em, ctx, group, ScheduleChangeKind.SESSIONS_CHANGED, meaningful);
      return { sessions: saved, change };
    });
    this.recorder.afterCommit(result.change);
    return result;
  }

  /**
   * Sessions that would share a lecturer or a place with `sessions` at the same time, in groups
   * that are not cancelled (the sessions being edited themselves excepted). Advisory locks on each
   * lecturer and place make two concurrent saves check one after the other.
   */
  private async findConflicts(em: EntityManager, sessions: Session[], excluded: string[]): Promise<ConflictDetail[]> {
    const keys = [
      ...new Set(sessions.flatMap((s) => [s.lecturerId && `lecturer:${s.lecturerId}`, s.placeId && `place:${s.placeId}`]).filter((k): k is string => !!k)),
    ].sort();
    for (const key of keys) await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
    const conflicts: ConflictDetail[] = [];
    for (const [index, session] of sessions.entries()) {
      if (!session.lecturerId && !session.placeId) continue;
      const rows: { id: string; group_id: string; code: string; starts_at: Date; ends_at: Date; lecturer_id: string | null; place_id: string | null }[] =
        await em.query(
          `SELECT s.id, s.group_id, g.code, s.starts_at, s.ends_at, s.lecturer_id, s.place_id
           FROM session s JOIN course_group g ON g.id = s.group_id
          WHERE g.status <> 'CANCELLED' AND NOT (s.id = ANY($1::uuid[]))
            AND (s.lecturer_id = $2 OR s.place_id = $3) AND s.starts_at < $5 AND s.ends_at > $4
          ORDER BY s.starts_at`,
          [excluded, session.lecturerId, session.placeId, session.startsAt, session.endsAt],
        );
      const others = rows.map((r) => ({
        id: r.id,
        group_id: r.group_id,
        code: r.code,
        starts_at: new Date(r.starts_at),
        ends_at: new Date(r.ends_at),
        lecturer_id: r.lecturer_id,
        place_id: r.place_id,
      }));
      // Sessions of the same save may collide with each other too.
      for (const other of sessions.slice(index + 1)) {
        if (other.startsAt < session.endsAt && other.endsAt > session.startsAt) {
          others.push({
            id: other.id ?? '',
            group_id: other.groupId,
            code: '',
            starts_at: other.startsAt,
            ends_at: other.endsAt,
            lecturer_id: other.lecturerId,
            place_id: other.placeId,
          });
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
    const rows: {
      session_id: string;
      starts_at: Date;
      other_id: string;
      group_id: string;
      code: string;
      other_starts: Date;
      other_ends: Date;
      lecturer: boolean;
      place: boolean;
    }[] = await this.dataSource.query(
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
      problems.check(
        endsAt.getTime() - startsAt.getTime() <= MAX_SESSION_HOURS * 3600_000,
        field('endsAt'),
        'TOO_LONG',
        `a session lasts at most ${MAX_SESSION_HOURS} hours`,
      );
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
    searchTerms(filter.q ?? '').forEach((term, i) => qb.andWhere(`${foldedSql('l.name')} LIKE :q${i}`, { [`q${i}`]: `%${term}%` }));
    if (validIds(filter.ids, 'filter.ids', problems)) qb.andWhere(filter.ids.length ? 'l.id IN (:...ids)' : 'false', { ids: filter.ids });
    problems.throwIfAny();
    const [items, total] = await qb.orderBy('l.name').offset(window.offset).limit(window.limit).getManyAndCount();
    return { items, total };
  }

  lecturerOfPerson(personId: string): Promise<Lecturer | null> {
    return this.dataSource.getRepository(Lecturer).findOneBy({ personId });
  }

  lecturersByIds(ids: readonly string[]): Promise<Lecturer[]> {
    return this.plainLecturers.select('l', 'WHERE l.id = ANY($1)', [ids]);
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
      qb.andWhere(`(${foldedSql('p.name')} LIKE :q${i} OR ${foldedSql('p.address')} LIKE :q${i})`, { [`q${i}`]: `%${term}%` }),
    );
    if (validIds(filter.ids, 'filter.ids', problems)) qb.andWhere(filter.ids.length ? 'p.id IN (:...ids)' : 'false', { ids: filter.ids });
    problems.throwIfAny();
    const [items, total] = await qb.orderBy('p.name').addOrderBy('p.room').offset(window.offset).limit(window.limit).getManyAndCount();
    return { items, total };
  }

  placesByIds(ids: readonly string[]): Promise<Place[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.plainPlaces.select('p', 'WHERE p.id = ANY($1)', [ids]);
  }

  async savePlace(_ctx: RequestContext, id: string | null, input: PlaceInput): Promise<Place> {
    return inTransaction(this.dataSource, async (em) => {
      const place = id ? (isUuid(id) ? await em.findOneBy(Place, { id }) : null) : em.create(Place, { room: null, nameEn: null, roomEn: null });
      if (!place) throw new NotFoundError('Place', id!);
      const problems = new Problems();
      const name = input.name?.trim();
      const address = input.address?.trim();
      if (!id || input.name != null) problems.check(!!name && name.length >= 2 && name.length <= 200, 'name', 'REQUIRED', 'name must be 2-200 characters');
      if (!id || input.address != null)
        problems.check(!!address && address.length >= 2 && address.length <= 300, 'address', 'REQUIRED', 'address must be 2-300 characters');
      if (!id || input.capacity != null)
        problems.check(
          Number.isInteger(input.capacity) && input.capacity! >= 1 && input.capacity! <= 10_000,
          'capacity',
          'OUT_OF_RANGE',
          'capacity must be from 1 to 10000',
        );
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

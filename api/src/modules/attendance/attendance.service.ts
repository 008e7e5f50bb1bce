import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, ErrorCode, ForbiddenError, NotFoundError, Problems } from '../../common/errors.js';
import { isUuid } from '../../common/pagination.js';
import { isStaff, type RequestContext } from '../../common/request-context.js';
import { inTransaction } from '../../db/transaction.js';
import { zonedDatePlusDays } from '../../time.js';
import { Language } from '../people/person.entity.js';
import { GroupStatus } from '../scheduling/group.entity.js';
import { Session } from '../scheduling/session.entity.js';
import { AttendanceStatus } from './attendance-mark.entity.js';
import type { AttendanceEntry, AttendanceMarkInput, AttendanceSummary, SessionAttendance } from './attendance.types.js';
import { renderSignInSheet, type SignInSheetData } from './sign-in-sheet.js';

/** The most marks one save takes: far above any group's size. */
const MAX_MARKS = 500;

/** Per person of a group: how much of it they attended, and whether that completes the course. */
export type AttendanceCompletion = AttendanceSummary;

interface ParticipantRow {
  person_id: string;
  given_name: string;
  family_name: string;
  institutions: string | null;
  status: AttendanceStatus | null;
  marked_by: string | null;
  marked_at: Date | null;
}

interface SessionRow {
  id: string;
  group_id: string;
  minutes: number;
}

/**
 * Attendance (R-AFT-5): who was at each session, marked by the session's lecturer or staff, and
 * the completion rule of a course (the share of session hours attended) that certificates and the
 * evaluation questionnaire depend on.
 */
export class AttendanceService {
  constructor(private readonly dataSource: DataSource) {}

  async sessionAttendance(ctx: RequestContext, sessionId: string): Promise<SessionAttendance> {
    return inTransaction(this.dataSource, async (em) => {
      const session = await this.markableSession(em, ctx, sessionId);
      return this.sheetOf(em, ctx, session);
    });
  }

  /**
   * Saves the marks of a session in one transaction: nothing is written when any is refused. A mark
   * that does not change keeps who set it and when; a changed one records the viewer and now.
   */
  async markAttendance(ctx: RequestContext, sessionId: string, marks: readonly AttendanceMarkInput[]): Promise<SessionAttendance> {
    return inTransaction(this.dataSource, async (em) => {
      const session = await this.markableSession(em, ctx, sessionId, { lock: true });
      const [group] = await em.query(`SELECT status FROM course_group WHERE id = $1`, [session.groupId]);
      if (session.startsAt.getTime() > Date.now()) {
        throw new DomainError(ErrorCode.SESSION_NOT_STARTED, 'A session is marked once it has started', { startsAt: session.startsAt.toISOString() });
      }
      const problems = new Problems();
      problems.check(group.status !== GroupStatus.CANCELLED, 'sessionId', 'GROUP_CANCELLED', 'The group of this session was cancelled');
      problems.check(marks.length <= MAX_MARKS, 'marks', 'OUT_OF_RANGE', `At most ${MAX_MARKS} marks at once`);
      const confirmed = new Set(await this.confirmedPeople(em, session.groupId));
      const seen = new Set<string>();
      marks.forEach((mark, i) => {
        problems.check(!seen.has(mark.personId), `marks.${i}.personId`, 'DUPLICATE', 'The person is marked twice');
        problems.check(confirmed.has(mark.personId), `marks.${i}.personId`, 'NOT_CONFIRMED', "The person has no confirmed seat in the session's group");
        seen.add(mark.personId);
      });
      problems.throwIfAny();
      if (marks.length > 0) {
        await em.query(
          `INSERT INTO attendance_mark (session_id, person_id, status, marked_by_id, marked_at)
           SELECT $1, m.person_id, m.status, $4, now()
             FROM unnest($2::uuid[], $3::text[]) AS m(person_id, status)
           ON CONFLICT (session_id, person_id) DO UPDATE
              SET status = EXCLUDED.status, marked_by_id = EXCLUDED.marked_by_id, marked_at = EXCLUDED.marked_at
            WHERE attendance_mark.status <> EXCLUDED.status`,
          [session.id, marks.map((m) => m.personId), marks.map((m) => m.status), ctx.viewer!.personId],
        );
      }
      return this.sheetOf(em, ctx, session);
    });
  }

  /**
   * THE completion rule, for one group: per confirmed participant, the hours of the group's sessions
   * marked PRESENT against the hours of all its sessions (EXCUSED counts as absent), and whether that
   * reaches the course's minimum. `met` stays null while a session is ahead or not marked for the
   * person. Runs on the given manager, so it can take part in the caller's transaction.
   */
  async completion(em: EntityManager, groupId: string): Promise<Map<string, AttendanceCompletion>> {
    return (await this.completions(em, [groupId])).get(groupId) ?? new Map();
  }

  /** The completion rule for several groups at once (the per-request loader behind Registration.attendance). */
  completionByGroupIds(groupIds: readonly string[]): Promise<Map<string, Map<string, AttendanceCompletion>>> {
    return this.completions(this.dataSource.manager, groupIds);
  }

  /** The printable sign-in sheet of a session, for its lecturer and staff, in the given language. */
  async signInSheet(ctx: RequestContext, sessionId: string, language: Language): Promise<{ bytes: Buffer; fileName: string }> {
    const data = await inTransaction(this.dataSource, async (em) => {
      const session = await this.markableSession(em, ctx, sessionId);
      return this.signInSheetData(em, session, language);
    });
    return { bytes: await renderSignInSheet(data), fileName: `${data.groupCode}-${data.date}.pdf`.replace(/[^\w.-]/g, '_') };
  }

  /** The session, when the viewer may see and mark its attendance: staff, or its own lecturer. */
  private async markableSession(em: EntityManager, ctx: RequestContext, sessionId: string, { lock = false } = {}): Promise<Session> {
    const session = isUuid(sessionId)
      ? await em.getRepository(Session).findOne({ where: { id: sessionId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) })
      : null;
    if (!session) throw new NotFoundError('Session', sessionId);
    const viewer = ctx.viewer;
    const ownLecturer = viewer?.kind === 'person' && !!viewer.lecturerId && viewer.lecturerId === session.lecturerId;
    if (!isStaff(viewer) && !ownLecturer) throw new ForbiddenError("Only staff and the session's lecturer mark its attendance");
    return session;
  }

  private async confirmedPeople(em: EntityManager, groupId: string): Promise<string[]> {
    const rows: { person_id: string }[] = await em.query(`SELECT person_id FROM registration WHERE group_id = $1 AND status = 'CONFIRMED'`, [groupId]);
    return rows.map((r) => r.person_id);
  }

  private async sheetOf(em: EntityManager, ctx: RequestContext, session: Session): Promise<SessionAttendance> {
    const [group]: { code: string; status: GroupStatus; title_lv: string; title_en: string }[] = await em.query(
      `SELECT g.code, g.status, c.title_lv, c.title_en FROM course_group g JOIN course c ON c.id = g.course_id WHERE g.id = $1`,
      [session.groupId],
    );
    const rows = await this.participantsOf(em, session);
    const participants: AttendanceEntry[] = rows.map((r) => ({
      personId: r.person_id,
      fullName: `${r.given_name} ${r.family_name}`,
      institutionName: r.institutions,
      status: r.status,
      markedByName: r.marked_by,
      markedAt: r.marked_at ? new Date(r.marked_at) : null,
    }));
    return {
      session,
      courseTitle: ctx.lang === Language.EN ? group.title_en || group.title_lv : group.title_lv,
      groupCode: group.code,
      markable: session.startsAt.getTime() <= Date.now() && group.status !== GroupStatus.CANCELLED,
      participants,
    };
  }

  private async signInSheetData(em: EntityManager, session: Session, language: Language): Promise<SignInSheetData> {
    const [row]: {
      code: string;
      title_lv: string;
      title_en: string;
      lecturer: string | null;
      place_name: string | null;
      place_name_en: string | null;
      address: string | null;
      room: string | null;
      room_en: string | null;
    }[] = await em.query(
      `SELECT g.code, c.title_lv, c.title_en, l.name AS lecturer,
              pl.name AS place_name, pl.name_en AS place_name_en, pl.address, pl.room, pl.room_en
         FROM course_group g JOIN course c ON c.id = g.course_id
         LEFT JOIN lecturer l ON l.id = $2
         LEFT JOIN place pl ON pl.id = $3
        WHERE g.id = $1`,
      [session.groupId, session.lecturerId, session.placeId],
    );
    const people = await this.participantsOf(em, session);
    const en = language === Language.EN;
    const place = row.place_name
      ? [en ? row.place_name_en || row.place_name : row.place_name, en ? row.room_en || row.room : row.room, row.address].filter(Boolean).join(', ')
      : null;
    return {
      language,
      courseTitle: en ? row.title_en || row.title_lv : row.title_lv,
      groupCode: row.code,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      date: zonedDatePlusDays(0, session.startsAt),
      place,
      online: !!session.onlineUrl,
      lecturer: row.lecturer,
      participants: people.map((p) => ({ name: `${p.given_name} ${p.family_name}`, institution: p.institutions })),
    };
  }

  /** The confirmed participants of the session's group, with where they work now and their mark of this session, in the sheet's order. */
  private participantsOf(em: EntityManager, session: Session): Promise<ParticipantRow[]> {
    return em.query(
      `SELECT p.id AS person_id, p.given_name, p.family_name, m.status, m.marked_at,
              NULLIF(concat_ws(' ', b.given_name, b.family_name), '') AS marked_by,
              (SELECT string_agg(DISTINCT i.name, ', ') FROM employment e JOIN institution i ON i.id = e.institution_id
                WHERE e.person_id = p.id AND (e.ended_at IS NULL OR e.ended_at > now())) AS institutions
         FROM registration r JOIN person p ON p.id = r.person_id
         LEFT JOIN attendance_mark m ON m.session_id = $2 AND m.person_id = p.id
         LEFT JOIN person b ON b.id = m.marked_by_id
        WHERE r.group_id = $1 AND r.status = 'CONFIRMED'
        ORDER BY p.family_name, p.given_name, p.id`,
      [session.groupId, session.id],
    );
  }

  /** The completion rule for several groups, on the given manager: group id -> person id -> completion. */
  async completions(em: EntityManager, groupIds: readonly string[]): Promise<Map<string, Map<string, AttendanceCompletion>>> {
    const ids = groupIds.filter(isUuid);
    const result = new Map<string, Map<string, AttendanceCompletion>>();
    if (ids.length === 0) return result;
    const [sessions, people, marks, rules]: [
      SessionRow[],
      { group_id: string; person_id: string }[],
      { session_id: string; person_id: string; status: AttendanceStatus }[],
      { id: string; min_attendance_percent: number }[],
    ] = [
      await em.query(`SELECT id, group_id, round(extract(epoch FROM ends_at - starts_at) / 60)::int AS minutes FROM session WHERE group_id = ANY($1::uuid[])`, [
        ids,
      ]),
      await em.query(`SELECT group_id, person_id FROM registration WHERE group_id = ANY($1::uuid[]) AND status = 'CONFIRMED'`, [ids]),
      await em.query(
        `SELECT m.session_id, m.person_id, m.status FROM attendance_mark m JOIN session s ON s.id = m.session_id WHERE s.group_id = ANY($1::uuid[])`,
        [ids],
      ),
      await em.query(`SELECT g.id, c.min_attendance_percent FROM course_group g JOIN course c ON c.id = g.course_id WHERE g.id = ANY($1::uuid[])`, [ids]),
    ];
    const markOf = new Map(marks.map((m) => [`${m.session_id}:${m.person_id}`, m.status]));
    const required = new Map(rules.map((r) => [r.id, r.min_attendance_percent]));
    for (const { group_id: groupId, person_id: personId } of people) {
      const own = sessions.filter((s) => s.group_id === groupId);
      const plannedMinutes = own.reduce((sum, s) => sum + s.minutes, 0);
      let attendedMinutes = 0;
      let marked = 0;
      for (const s of own) {
        const status = markOf.get(`${s.id}:${personId}`);
        if (!status) continue;
        marked += 1;
        if (status === AttendanceStatus.PRESENT) attendedMinutes += s.minutes;
      }
      const requiredPercent = required.get(groupId) ?? 100;
      const complete = own.length > 0 && marked === own.length;
      const perGroup = result.get(groupId) ?? new Map<string, AttendanceCompletion>();
      perGroup.set(personId, {
        plannedHours: hours(plannedMinutes),
        attendedHours: hours(attendedMinutes),
        percent: plannedMinutes > 0 ? Math.round((attendedMinutes * 1000) / plannedMinutes) / 10 : null,
        requiredPercent,
        // Whole minutes compared exactly: 80 % of 10 h is met by 8 h, not by 7 h 59 min.
        // A course that asks for no attendance (0 %) is met without marks.
        met: requiredPercent === 0 && own.length > 0 ? true : complete ? attendedMinutes * 100 >= requiredPercent * plannedMinutes : null,
        markedSessions: marked,
        sessions: own.length,
      });
      result.set(groupId, perGroup);
    }
    return result;
  }
}

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

import type { DataSource } from 'typeorm';
import type { RequestContext } from '../../common/request-context.js';
import { RegistrationStatus, SCHEDULE_EXPECTING_STATUSES } from '../registration/registration.entity.js';
import { ForbiddenError } from '../../common/errors.js';
import { Session } from './session.entity.js';
import { sessionEvent } from './session-event.js';
import type { CalendarEvent } from '../notifications/calendar.js';
import { Language } from '../people/person.entity.js';
import { type MySession, ScheduleRole } from './scheduling.types.js';
import type { SessionsService } from './sessions.service.js';

/** What a person reads of their own schedule: the portal's list and their calendar feed. */
export class MyScheduleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
  ) {}

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
    const sessions = new Map((await this.sessions.sessionsByIds([...new Set(rows.map((r) => r.id))])).map((s) => [s.id, s]));
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
    const places = new Map(
      (await this.sessions.placesByIds([...new Set(rows.map((r) => r.placeId).filter((id): id is string => !!id))])).map((p) => [p.id, p]),
    );
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
}

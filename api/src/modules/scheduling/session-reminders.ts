import type { DataSource } from 'typeorm';
import { SingleFlight } from '../../common/single-flight.js';
import { inTransaction } from '../../db/transaction.js';
import { NotificationKind, type SessionView } from '../notifications/notification-kinds.js';
import type { EmailRequest, NotificationsService } from '../notifications/notifications.service.js';
import { Language } from '../people/person.entity.js';
import { placeIn, type Place } from './place.entity.js';
import type { PeopleService } from '../people/people.service.js';

/** "Manas mācības" (web/src/App.tsx): where the reminder sends the person. */
const MY_TRAINING_PATH = '/manas-macibas';
/** Reminders handled in one sweep; the next sweep takes the rest. */
const BATCH = 500;

interface Due {
  session_id: string;
  person_id: string;
  group_id: string;
  group_code: string;
  course_code: string;
  title_lv: string;
  title_en: string;
  days_before: number;
  starts_at: Date;
  ends_at: Date;
  online_url: string | null;
  lecturer_name: string | null;
  place_id: string | null;
  place_name: string | null;
  place_name_en: string | null;
  place_address: string | null;
  place_room: string | null;
  place_room_en: string | null;
}

/**
 * Reminders before sessions (R-NOT-1): a recurring job sweeps for sessions that start within their
 * course's reminder window and e-mails each CONFIRMED participant once per session. What is due is
 * read from the schedule and registrations themselves, so a moved session is reminded at its new
 * time and a cancelled group, session or registration gets nothing, with no second table to keep in
 * step; the outbox's idempotency key (session and person) makes a reminder go out at most once,
 * whatever the restarts, double sweeps or several workers.
 */
export class SessionReminders {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly people: PeopleService,
    private readonly settings: { publicUrl: string },
  ) {}

  private readonly sweeps = new SingleFlight(() => this.sweep(), 'Session reminder sweep failed; the next one retries');

  /** Starts a sweep unless one is running; failures are logged and the next sweep retries. */
  sweepSoon(log: { error(message: string, error?: unknown): void }): void {
    this.sweeps.start(log);
  }

  /** Resolves when no sweep is running (before the database closes). */
  idle(): Promise<void> {
    return this.sweeps.idle();
  }

  /** Queues the reminders due at `now`; returns how many were queued. */
  async sweep(now: Date = new Date()): Promise<number> {
    const queued = await inTransaction(this.dataSource, async (em) => {
      const due: Due[] = await em.query(
        `SELECT s.id AS session_id, r.person_id, g.id AS group_id, g.code AS group_code, c.code AS course_code, c.title_lv, c.title_en,
                c.reminder_days_before AS days_before, s.starts_at, s.ends_at, s.online_url, l.name AS lecturer_name,
                p.id AS place_id, p.name AS place_name, p.name_en AS place_name_en, p.address AS place_address,
                p.room AS place_room, p.room_en AS place_room_en
           FROM session s
           JOIN course_group g ON g.id = s.group_id AND g.status IN ('OPEN', 'CONFIRMED')
           JOIN course c ON c.id = g.course_id AND c.reminder_days_before > 0
           JOIN registration r ON r.group_id = g.id AND r.status = 'CONFIRMED'
           LEFT JOIN place p ON p.id = s.place_id
           LEFT JOIN lecturer l ON l.id = s.lecturer_id
          WHERE s.starts_at > $1 AND s.starts_at <= $1::timestamptz + interval '14 days'
            AND s.starts_at <= $1::timestamptz + c.reminder_days_before * interval '1 day'
            AND NOT EXISTS (SELECT 1 FROM outbox_message o WHERE o.idempotency_key = $2 || s.id || ':' || r.person_id)
          ORDER BY s.starts_at, s.id, r.person_id
          LIMIT ${BATCH}`,
        [now, `${NotificationKind.SESSION_REMINDER}:`],
      );
      if (due.length === 0) return 0;
      const contacts = await this.people.contactsByIds([...new Set(due.map((row) => row.person_id))], em);
      const emails = due.flatMap((row) => {
        const to = contacts.get(row.person_id);
        if (!to) return [];
        const session: SessionView = {
          id: row.session_id,
          startsAt: new Date(row.starts_at).toISOString(),
          endsAt: new Date(row.ends_at).toISOString(),
          place: row.place_id
            ? placeIn(
                {
                  id: row.place_id,
                  name: row.place_name,
                  nameEn: row.place_name_en,
                  address: row.place_address,
                  room: row.place_room,
                  roomEn: row.place_room_en,
                } as Place,
                to.language,
              )
            : null,
          online: !!row.online_url,
          // Reminders go to confirmed participants only: they may have the link.
          onlineUrl: row.online_url,
          lecturerName: row.lecturer_name,
        };
        const request: EmailRequest<NotificationKind.SESSION_REMINDER> = {
          kind: NotificationKind.SESSION_REMINDER,
          idempotencyKey: `${NotificationKind.SESSION_REMINDER}:${row.session_id}:${row.person_id}`,
          to,
          groupId: row.group_id,
          data: {
            recipientName: to.name,
            recipientRole: 'PARTICIPANT',
            course: { code: row.course_code, title: to.language === Language.EN ? row.title_en || row.title_lv : row.title_lv },
            group: { code: row.group_code },
            portalUrl: `${this.settings.publicUrl}${MY_TRAINING_PATH}`,
            sessions: [session],
            daysBefore: row.days_before,
          },
        };
        return [request as EmailRequest];
      });
      return this.notifications.enqueue(em, emails);
    });
    if (queued > 0) this.notifications.queued();
    return queued;
  }
}

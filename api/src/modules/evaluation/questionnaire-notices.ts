import type { DataSource, EntityManager } from 'typeorm';
import { SingleFlight } from '../../common/single-flight.js';
import { inTransaction } from '../../db/transaction.js';
import { NotificationKind } from '../notifications/notification-kinds.js';
import type { EmailRequest, NotificationsService, Recipient } from '../notifications/notifications.service.js';
import { Language } from '../people/person.entity.js';
import type { PeopleService } from '../people/people.service.js';
import type { EvaluationService } from './evaluation.service.js';

/** The portal's page of one questionnaire (web/src/App.tsx). */
export const questionnairePath = (groupId: string) => `/vertejums/${groupId}`;
/** Invitations and reminders handled in one sweep each; the next sweep takes the rest. */
const BATCH = 500;
const REMINDER_EVERY_DAYS = 2;

interface Mail {
  personId: string;
  groupId: string;
  groupCode: string;
  courseCode: string;
  titleLv: string;
  titleEn: string;
  lastStartsAt: Date;
  lastEndsAt: Date;
}

/**
 * Timed notifications of the evaluation questionnaire (R-AFT-1): a recurring job sweeps for
 * participants whose group's last session has ended (invites them, recording the version they are
 * to fill) and for those invited who have not filled it (a reminder every 2 days, at most the
 * course's number). What is due is read from the data; the outbox keys (group, person, reminder
 * number) make each e-mail go out once whatever the restarts, double sweeps or several workers.
 */
export class QuestionnaireNotices {
  constructor(
    private readonly dataSource: DataSource,
    private readonly evaluation: EvaluationService,
    private readonly notifications: NotificationsService,
    private readonly people: PeopleService,
    private readonly settings: { publicUrl: string },
  ) {}

  private readonly sweeps = new SingleFlight(() => this.sweep(), 'Questionnaire sweep failed; the next one retries');

  /** Starts a sweep unless one is running; failures are logged and the next sweep retries. */
  sweepSoon(log: { error(message: string, error?: unknown): void }): void {
    this.sweeps.start(log);
  }

  /** Resolves when no sweep is running (before the database closes). */
  idle(): Promise<void> {
    return this.sweeps.idle();
  }

  /** Queues the invitations and reminders due at `now`; returns how many e-mails were queued. */
  async sweep(now: Date = new Date()): Promise<number> {
    const queued = await inTransaction(this.dataSource, async (em) => {
      const invited = await this.evaluation.invite(em, await this.evaluation.eligibleInvitees(em, now, BATCH), now);
      const reminders = await this.dueReminders(em, now);
      const contacts = await this.people.contactsByIds([...new Set([...invited, ...reminders].map((m) => m.personId))], em);
      const emails: EmailRequest[] = [];
      for (const mail of invited) {
        const to = contacts.get(mail.personId);
        if (to) emails.push(this.email(NotificationKind.QUESTIONNAIRE_INVITATION, `${mail.groupId}:${mail.personId}`, to, mail, {}));
      }
      for (const mail of reminders) {
        const to = contacts.get(mail.personId);
        if (to)
          emails.push(
            this.email(NotificationKind.QUESTIONNAIRE_REMINDER, `${mail.groupId}:${mail.personId}:${mail.number}`, to, mail, { reminder: mail.number }),
          );
      }
      return this.notifications.enqueue(em, emails);
    });
    if (queued > 0) this.notifications.queued();
    return queued;
  }

  /**
   * Reminder n is due 2n days after the invitation, while the questionnaire is not filled, up to the
   * course's number. Only the latest due one is sent: after a long stop, people get one reminder, not several.
   */
  private async dueReminders(em: EntityManager, now: Date): Promise<(Mail & { number: number })[]> {
    const rows: {
      person_id: string;
      group_id: string;
      number: number;
      group_code: string;
      course_code: string;
      title_lv: string;
      title_en: string;
      last_starts_at: Date;
      last_ends_at: Date;
    }[] = await em.query(
      `SELECT i.person_id, i.group_id, n.number, g.code AS group_code, c.code AS course_code, c.title_lv, c.title_en,
              last.starts_at AS last_starts_at, last.ends_at AS last_ends_at
         FROM questionnaire_invitation i
         -- Only while the person still holds a confirmed seat in a group that goes on.
         JOIN registration r ON r.group_id = i.group_id AND r.person_id = i.person_id AND r.status = 'CONFIRMED'
         JOIN course_group g ON g.id = i.group_id AND g.status <> 'CANCELLED'
         JOIN course c ON c.id = g.course_id
         CROSS JOIN LATERAL (SELECT LEAST(floor(extract(epoch FROM $1::timestamptz - i.invited_at) / ($2 * 86400))::int, c.questionnaire_reminders) AS number) n
         JOIN LATERAL (SELECT s.starts_at, s.ends_at FROM session s WHERE s.group_id = g.id ORDER BY s.ends_at DESC LIMIT 1) last ON true
        WHERE i.invited_at <= $1::timestamptz - $2 * interval '1 day'
          AND i.invited_at > $1::timestamptz - ($2 * 11) * interval '1 day'
          AND n.number >= 1
          AND NOT EXISTS (SELECT 1 FROM questionnaire_completion qc WHERE qc.person_id = i.person_id AND qc.group_id = i.group_id)
          AND NOT EXISTS (SELECT 1 FROM outbox_message o WHERE o.idempotency_key = $3 || i.group_id || ':' || i.person_id || ':' || n.number)
        ORDER BY i.invited_at, i.group_id, i.person_id
        LIMIT ${BATCH}`,
      [now, REMINDER_EVERY_DAYS, `${NotificationKind.QUESTIONNAIRE_REMINDER}:`],
    );
    return rows.map((row) => ({
      personId: row.person_id,
      groupId: row.group_id,
      number: row.number,
      groupCode: row.group_code,
      courseCode: row.course_code,
      titleLv: row.title_lv,
      titleEn: row.title_en,
      lastStartsAt: new Date(row.last_starts_at),
      lastEndsAt: new Date(row.last_ends_at),
    }));
  }

  private email(kind: NotificationKind, key: string, to: Recipient, mail: Mail, specific: object): EmailRequest {
    return {
      kind,
      idempotencyKey: `${kind}:${key}`,
      to,
      groupId: mail.groupId,
      data: {
        recipientName: to.name,
        recipientRole: 'PARTICIPANT',
        course: { code: mail.courseCode, title: to.language === Language.EN ? mail.titleEn || mail.titleLv : mail.titleLv },
        group: { code: mail.groupCode },
        portalUrl: `${this.settings.publicUrl}${questionnairePath(mail.groupId)}`,
        lastSession: { startsAt: mail.lastStartsAt.toISOString(), endsAt: mail.lastEndsAt.toISOString() },
        ...specific,
      } as EmailRequest['data'],
    };
  }
}

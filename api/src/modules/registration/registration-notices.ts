import type { EntityManager } from 'typeorm';
import type { CalendarEvent } from '../notifications/calendar.js';
import { NotificationKind, type SessionView } from '../notifications/notification-kinds.js';
import type { EmailRequest } from '../notifications/notifications.service.js';
import { Language } from '../people/person.entity.js';
import type { PeopleService } from '../people/people.service.js';
import { MY_TRAINING_PATH, sessionEvent } from '../scheduling/schedule-notices.js';
import type { Place } from '../scheduling/place.entity.js';
import { RegistrationStatus, type Registration } from './registration.entity.js';

/** What happened to one registration, as its person is told. */
export type RegistrationEvent =
  | { kind: 'placed'; registration: Registration }
  | { kind: 'movedUp'; registration: Registration }
  | { kind: 'cancelled'; registration: Registration; hadSeat: boolean; cancelledBy: string | null };

interface GroupFacts {
  code: string;
  courseCode: string;
  titleLv: string;
  titleEn: string;
  sessions: { id: string; startsAt: Date; endsAt: Date; onlineUrl: string | null; sequence: number; place: Place | undefined; lecturerName: string | null }[];
}

/**
 * The e-mails registration owes (R-REG-8, R-NOT-1): received with a seat, on the waiting list,
 * moved up, cancelled. One per registration and event (the idempotency key says which), written in
 * the registration's transaction; those who hold a seat get the sessions as calendar entries.
 */
export class RegistrationNotices {
  constructor(
    private readonly people: PeopleService,
    private readonly settings: { publicUrl: string },
  ) {}

  async namesOf(em: EntityManager, personIds: readonly string[]): Promise<Map<string, string>> {
    const contacts = await this.people.contactsByIds(personIds, em);
    return new Map([...contacts].map(([id, contact]) => [id, contact.name]));
  }

  async emailsFor(em: EntityManager, groupId: string, events: readonly RegistrationEvent[]): Promise<EmailRequest[]> {
    if (events.length === 0) return [];
    const group = await this.groupFacts(em, groupId);
    const contacts = await this.people.contactsByIds([...new Set(events.map((e) => e.registration.personId))], em);
    return events.flatMap((event) => {
      const to = contacts.get(event.registration.personId);
      return to ? [this.email(group, event, to)] : [];
    });
  }

  private email(group: GroupFacts, event: RegistrationEvent, to: { personId: string; name: string; email: string | null; language: Language }): EmailRequest {
    const { registration } = event;
    const title = to.language === Language.EN ? group.titleEn || group.titleLv : group.titleLv;
    const sessions: SessionView[] = group.sessions.map((s) => ({
      id: s.id,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      place: s.place ? { name: s.place.name, address: s.place.address, room: s.place.room } : null,
      onlineUrl: s.onlineUrl,
      lecturerName: s.lecturerName,
    }));
    const events = (cancelled: boolean): CalendarEvent[] =>
      group.sessions.map((s) => sessionEvent(s, { title, groupCode: group.code, place: s.place, publicUrl: this.settings.publicUrl, cancelled }));
    const common = {
      recipientName: to.name,
      recipientRole: 'PARTICIPANT' as const,
      course: { code: group.courseCode, title },
      group: { code: group.code },
      portalUrl: `${this.settings.publicUrl}${MY_TRAINING_PATH}`,
      sessions,
    };
    const request = (kind: NotificationKind, data: object, calendars: EmailRequest['calendars'] = []): EmailRequest => ({
      kind,
      idempotencyKey: `${kind}:${registration.id}`,
      to,
      groupId: registration.groupId,
      data: { ...common, ...data } as EmailRequest['data'],
      calendars: calendars.filter((c) => c.events.length > 0),
    });
    switch (event.kind) {
      case 'placed':
        return registration.status === RegistrationStatus.WAITING
          ? request(NotificationKind.REGISTRATION_WAITING, { position: registration.waitingPosition })
          : request(NotificationKind.REGISTRATION_RECEIVED, {}, [{ method: 'REQUEST', events: events(false) }]);
      case 'movedUp':
        return request(NotificationKind.REGISTRATION_MOVED_UP, {}, [{ method: 'REQUEST', events: events(false) }]);
      case 'cancelled':
        return request(
          NotificationKind.REGISTRATION_CANCELLED,
          { reason: registration.cancellationReason, hadSeat: event.hadSeat, cancelledByOther: !!event.cancelledBy, cancelledBy: event.cancelledBy },
          event.hadSeat ? [{ method: 'CANCEL', events: events(true) }] : [],
        );
    }
  }

  private async groupFacts(em: EntityManager, groupId: string): Promise<GroupFacts> {
    const [group] = await em.query(
      `SELECT g.code, c.code AS course_code, c.title_lv, c.title_en FROM course_group g JOIN course c ON c.id = g.course_id WHERE g.id = $1`,
      [groupId],
    );
    const rows: any[] = await em.query(
      `SELECT s.id, s.starts_at, s.ends_at, s.online_url, s.sequence, l.name AS lecturer_name,
              p.id AS place_id, p.name AS place_name, p.address AS place_address, p.room AS place_room
         FROM session s LEFT JOIN place p ON p.id = s.place_id LEFT JOIN lecturer l ON l.id = s.lecturer_id
        WHERE s.group_id = $1 ORDER BY s.starts_at, s.id`,
      [groupId],
    );
    return {
      code: group.code,
      courseCode: group.course_code,
      titleLv: group.title_lv,
      titleEn: group.title_en,
      sessions: rows.map((r) => ({
        id: r.id,
        startsAt: new Date(r.starts_at),
        endsAt: new Date(r.ends_at),
        onlineUrl: r.online_url,
        sequence: r.sequence,
        lecturerName: r.lecturer_name,
        place: r.place_id ? ({ id: r.place_id, name: r.place_name, address: r.place_address, room: r.place_room } as Place) : undefined,
      })),
    };
  }
}

import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { CalendarEvent } from '../notifications/calendar.js';
import { NotificationKind, type EmployeeRegistrationsData, type SessionView } from '../notifications/notification-kinds.js';
import type { EmailRequest } from '../notifications/notifications.service.js';
import { Language } from '../people/person.entity.js';
import type { PeopleService, PersonContact } from '../people/people.service.js';
import { MY_TRAINING_PATH, sessionEvent } from '../scheduling/session-event.js';
import { placeIn, type Place } from '../scheduling/place.entity.js';
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

/** Who made a registration change: the coordinators who did not make it are told. */
export interface RegistrationActor {
  personId: string | null;
  staff: boolean;
}

/** A coordinator to tell, of one of the people concerned, at one institution. */
interface CoordinatorRow {
  person_id: string;
  institution_id: string;
  institution_name: string;
  coordinator_id: string;
}

/** The console, where coordinators follow their employees' registrations. */
const CONSOLE_PATH = '/admin';

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

  /**
   * Every e-mail a registration change owes, read in one go: one to each person it concerns, and
   * one to each coordinator who did not make it (see coordinatorEmails).
   */
  async emailsFor(em: EntityManager, groupId: string, events: readonly RegistrationEvent[], actor: RegistrationActor): Promise<EmailRequest[]> {
    if (events.length === 0) return [];
    const coordinators = await this.coordinatorsToTell(em, events, actor);
    const group = await this.groupFacts(em, groupId);
    const ids = [...events.map((e) => e.registration.personId), ...coordinators.map((r) => r.coordinator_id), ...(actor.personId ? [actor.personId] : [])];
    const contacts = await this.people.contactsByIds([...new Set(ids)], em);
    const own = events.flatMap((event) => {
      const to = contacts.get(event.registration.personId);
      return to ? [this.email(group, event, to)] : [];
    });
    return [...own, ...this.coordinatorEmails(group, groupId, events, actor, coordinators, contacts)];
  }

  /** The coordinators of the current employers of the people concerned, but not the one who made the change (nor the people themselves). */
  private async coordinatorsToTell(em: EntityManager, events: readonly RegistrationEvent[], actor: RegistrationActor): Promise<CoordinatorRow[]> {
    const personIds = [...new Set(events.filter((e) => e.kind !== 'movedUp').map((e) => e.registration.personId))];
    if (personIds.length === 0) return [];
    return em.query(
      `SELECT DISTINCT e.person_id, i.id AS institution_id, i.name AS institution_name, ic.person_id AS coordinator_id
         FROM employment e
         JOIN institution i ON i.id = e.institution_id
         JOIN institution_coordinator ic ON ic.institution_id = i.id
        WHERE e.person_id = ANY($1) AND e.ended_at IS NULL
          AND ic.person_id <> e.person_id AND ic.person_id IS DISTINCT FROM $2::uuid`,
      [personIds, actor.personId],
    );
  }

  /**
   * The coordinators of the people's current employers hear of registrations made or cancelled by
   * someone else (the person themself, staff, another coordinator): one e-mail per coordinator,
   * institution and kind of change, listing the employees. Moves up the waiting list are not news to them.
   */
  private coordinatorEmails(
    group: GroupFacts,
    groupId: string,
    events: readonly RegistrationEvent[],
    actor: RegistrationActor,
    rows: readonly CoordinatorRow[],
    contacts: Map<string, PersonContact>,
  ): EmailRequest[] {
    if (rows.length === 0) return [];
    const relevant = events.filter((e) => e.kind !== 'movedUp');
    const personIds = [...new Set(relevant.map((e) => e.registration.personId))];
    const self = !actor.staff && personIds.length === 1 && personIds[0] === actor.personId;
    const by: EmployeeRegistrationsData['by'] = self
      ? { kind: 'SELF', name: null }
      : { kind: actor.staff ? 'STAFF' : 'COORDINATOR', name: (actor.personId && contacts.get(actor.personId)?.name) || null };

    // coordinator + institution + action -> the events of that institution's employees
    const batches = new Map<string, { coordinatorId: string; institution: string; action: EmployeeRegistrationsData['action']; events: RegistrationEvent[] }>();
    for (const event of relevant) {
      const action = event.kind === 'cancelled' ? 'CANCELLED' : 'REGISTERED';
      for (const row of rows.filter((r) => r.person_id === event.registration.personId)) {
        const key = `${row.coordinator_id} ${row.institution_id} ${action}`;
        const batch = batches.get(key) ?? { coordinatorId: row.coordinator_id, institution: row.institution_name, action, events: [] };
        batch.events.push(event);
        batches.set(key, batch);
      }
    }
    const emails: EmailRequest[] = [];
    for (const [key, batch] of batches) {
      const to = contacts.get(batch.coordinatorId);
      if (!to) continue;
      const ids = batch.events.map((e) => e.registration.id).sort();
      const data: EmployeeRegistrationsData = {
        recipientName: to.name,
        portalUrl: `${this.settings.publicUrl}${MY_TRAINING_PATH}`,
        consoleUrl: `${this.settings.publicUrl}${CONSOLE_PATH}`,
        institution: { name: batch.institution },
        course: { code: group.courseCode, title: to.language === Language.EN ? group.titleEn || group.titleLv : group.titleLv },
        group: { code: group.code },
        sessions: sessionViews(group, to.language, false),
        action: batch.action,
        by,
        employees: batch.events.map(({ registration }) => ({
          name: contacts.get(registration.personId)?.name ?? '',
          status: registration.status,
          position: registration.waitingPosition,
        })),
        reason: batch.events.find((e) => e.registration.cancellationReason)?.registration.cancellationReason ?? null,
      };
      emails.push({
        kind: NotificationKind.EMPLOYEE_REGISTRATIONS,
        idempotencyKey: `${NotificationKind.EMPLOYEE_REGISTRATIONS}:${createHash('sha256')
          .update(`${key} ${ids.join(',')}`)
          .digest('base64url')}`,
        to,
        groupId,
        data: data as EmailRequest['data'],
        calendars: [],
      });
    }
    return emails;
  }

  private email(group: GroupFacts, event: RegistrationEvent, to: { personId: string; name: string; email: string | null; language: Language }): EmailRequest {
    const { registration } = event;
    const title = to.language === Language.EN ? group.titleEn || group.titleLv : group.titleLv;
    // The waiting list has no seat yet: no link to the online meeting (it comes with the move up).
    const sessions = sessionViews(group, to.language, registration.status === RegistrationStatus.CONFIRMED);
    const events = (cancelled: boolean): CalendarEvent[] =>
      group.sessions.map((s) =>
        sessionEvent(s, { title, groupCode: group.code, place: s.place, language: to.language, publicUrl: this.settings.publicUrl, cancelled }),
      );
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
              p.id AS place_id, p.name AS place_name, p.name_en AS place_name_en, p.address AS place_address,
              p.room AS place_room, p.room_en AS place_room_en
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
        place: r.place_id
          ? ({ id: r.place_id, name: r.place_name, nameEn: r.place_name_en, address: r.place_address, room: r.place_room, roomEn: r.place_room_en } as Place)
          : undefined,
      })),
    };
  }
}

/** The group's sessions as e-mails show them; the meeting link only to those who may join. */
function sessionViews(group: GroupFacts, language: Language, withLink: boolean): SessionView[] {
  return group.sessions.map((s) => ({
    id: s.id,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    place: s.place ? placeIn(s.place, language) : null,
    online: !!s.onlineUrl,
    onlineUrl: withLink ? s.onlineUrl : null,
    lecturerName: s.lecturerName,
  }));
}

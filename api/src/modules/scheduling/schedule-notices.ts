import { In, type EntityManager } from 'typeorm';
import { Course } from '../catalog/course.entity.js';
import type { CalendarEvent } from '../notifications/calendar.js';
import { NotificationKind, type RecipientRole, type SessionChangeView, type SessionView } from '../notifications/notification-kinds.js';
import type { EmailRequest, Recipient } from '../notifications/notifications.service.js';
import { Language } from '../people/person.entity.js';
import type { PeopleService } from '../people/people.service.js';
import { RegistrationStatus } from '../registration/registration.entity.js';
import type { RegistrationService } from '../registration/registration.service.js';
import { Group, GroupStatus } from './group.entity.js';
import { Lecturer } from './lecturer.entity.js';
import { Place, placeIn } from './place.entity.js';
import { MY_TRAINING_PATH, sessionEvent } from './session-event.js';
import { ScheduleChangeKind, type ScheduleChange, type SessionChangeRecord, type SessionSnapshot } from './schedule-change.entity.js';

export interface NoticeSettings {
  publicUrl: string;
}

type Aspect = SessionChangeView['changed'][number];

const RIGA_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga', year: 'numeric', month: '2-digit', day: '2-digit' });
const RIGA_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Riga', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** What differs between two states of a session, as people understand it (days and hours in Riga). */
export function changedAspects(before: SessionSnapshot | null, after: SessionSnapshot | null): Aspect[] {
  if (!before || !after) return [];
  const aspects: Aspect[] = [];
  const day = (iso: string) => RIGA_DAY.format(new Date(iso));
  const hours = (s: SessionSnapshot) => `${RIGA_TIME.format(new Date(s.startsAt))}-${RIGA_TIME.format(new Date(s.endsAt))}`;
  if (day(before.startsAt) !== day(after.startsAt)) aspects.push('date');
  if (hours(before) !== hours(after)) aspects.push('time');
  if (before.placeId !== after.placeId) aspects.push('place');
  if (before.onlineUrl !== after.onlineUrl) aspects.push('onlineUrl');
  if (before.lecturerId !== after.lecturerId) aspects.push('lecturer');
  return aspects;
}

/** Aspects participants are told about: where and when (a new lecturer alone is not news for them). */
const PARTICIPANT_ASPECTS: readonly Aspect[] = ['date', 'time', 'place', 'onlineUrl'];

interface Directory {
  places: Map<string, Place>;
  lecturers: Map<string, Lecturer>;
  lecturerContacts: Map<string, Recipient>;
}

/**
 * Turns one schedule change into the e-mails it owes: one per person per save, each with the
 * calendar entries that keep that person's calendar right. Runs in the change's transaction.
 */
export class ScheduleNotices {
  constructor(
    private readonly people: PeopleService,
    private readonly registrations: RegistrationService,
    private readonly settings: NoticeSettings,
  ) {}

  async emailsFor(em: EntityManager, change: ScheduleChange, group: Group): Promise<EmailRequest[]> {
    if (group.status === GroupStatus.COMPLETED) return [];
    if (group.status === GroupStatus.CANCELLED && change.kind !== ScheduleChangeKind.GROUP_CANCELLED) return [];
    const course = await em.findOneByOrFail(Course, { id: group.courseId });
    const directory = await this.directory(em, change.sessions);
    const expecting =
      group.status === GroupStatus.PLANNED && change.kind === ScheduleChangeKind.SESSIONS_CHANGED
        ? []
        : await this.registrations.expectingPeopleOfGroup(group.id, em);
    const contacts = await this.people.contactsByIds(
      expecting.map((e) => e.personId),
      em,
    );
    const participants = expecting.flatMap((e) => {
      const recipient: Recipient | undefined = contacts.get(e.personId);
      return recipient ? [{ recipient, confirmed: e.status === RegistrationStatus.CONFIRMED }] : [];
    });

    const compose = new Composer(change, group, course, directory, this.settings);
    switch (change.kind) {
      case ScheduleChangeKind.GROUP_CANCELLED:
        return compose.groupCancelled(participants);
      case ScheduleChangeKind.GROUP_CONFIRMED:
        return compose.groupConfirmed(participants.filter((p) => p.confirmed));
      default:
        return compose.sessionsChanged(participants);
    }
  }

  private async directory(em: EntityManager, records: SessionChangeRecord[]): Promise<Directory> {
    const states = records.flatMap((r) => [r.before, r.after]).filter((s): s is SessionSnapshot => !!s);
    const placeIds = [...new Set(states.map((s) => s.placeId).filter((id): id is string => !!id))];
    const lecturerIds = [...new Set(states.map((s) => s.lecturerId).filter((id): id is string => !!id))];
    const places = placeIds.length ? await em.findBy(Place, { id: In(placeIds) }) : [];
    const lecturers = lecturerIds.length ? await em.findBy(Lecturer, { id: In(lecturerIds) }) : [];
    const linked = await this.people.contactsByIds(
      lecturers.map((l) => l.personId).filter((id): id is string => !!id),
      em,
    );
    const lecturerContacts = new Map(
      lecturers.map((l) => {
        const person = l.personId ? linked.get(l.personId) : undefined;
        const recipient: Recipient = { personId: l.personId, email: l.email ?? person?.email ?? null, name: l.name, language: person?.language ?? Language.LV };
        return [l.id, recipient];
      }),
    );
    return { places: new Map(places.map((p) => [p.id, p])), lecturers: new Map(lecturers.map((l) => [l.id, l])), lecturerContacts };
  }
}

/** The e-mails of one change; a helper object so the pieces share the change's context. */
class Composer {
  constructor(
    private readonly change: ScheduleChange,
    private readonly group: Group,
    private readonly course: Course,
    private readonly directory: Directory,
    private readonly settings: NoticeSettings,
  ) {}

  sessionsChanged(participants: { recipient: Recipient; confirmed: boolean }[]): EmailRequest[] {
    const emails: EmailRequest[] = [];
    const records = this.change.sessions;

    // Participants: every change of when or where, added and cancelled sessions, in one e-mail.
    const forParticipants = records.filter((r) => !r.before || !r.after || changedAspects(r.before, r.after).some((a) => PARTICIPANT_ASPECTS.includes(a)));
    if (forParticipants.length > 0) {
      for (const { recipient, confirmed } of participants) {
        emails.push(this.scheduleChanged(recipient, 'PARTICIPANT', `person:${recipient.personId}`, forParticipants, confirmed));
      }
    }

    // Lecturers: a session that stays theirs and changes is a schedule change; one that becomes or stops being theirs is an assignment or a removal.
    const changedFor = new Map<string, SessionChangeRecord[]>();
    const assigned = new Map<string, SessionSnapshot[]>();
    const removed = new Map<string, SessionSnapshot[]>();
    const push = <T>(map: Map<string, T[]>, key: string, value: T) => map.set(key, [...(map.get(key) ?? []), value]);
    for (const record of records) {
      const { before, after } = record;
      const was = before?.lecturerId ?? null;
      const is = after?.lecturerId ?? null;
      if (was && was === is) {
        if (changedAspects(before, after).length > 0) push(changedFor, was, record);
        continue;
      }
      if (was && !after)
        push(changedFor, was, record); // the session was cancelled
      else if (was) push(removed, was, after!);
      if (is) push(assigned, is, after!);
    }
    for (const [lecturerId, list] of changedFor) {
      const recipient = this.directory.lecturerContacts.get(lecturerId);
      if (recipient) emails.push(this.scheduleChanged(recipient, 'LECTURER', `lecturer:${lecturerId}`, list, true));
    }
    for (const [lecturerId, sessions] of assigned) {
      const recipient = this.directory.lecturerContacts.get(lecturerId);
      if (!recipient) continue;
      emails.push(
        this.email(
          NotificationKind.LECTURER_ASSIGNED,
          recipient,
          'LECTURER',
          `lecturer:${lecturerId}`,
          { sessions: sessions.map((s) => this.view(s, recipient.language, true)) },
          [{ method: 'REQUEST', events: sessions.map((s) => this.event(s, false, recipient.language)) }],
        ),
      );
    }
    for (const [lecturerId, sessions] of removed) {
      const recipient = this.directory.lecturerContacts.get(lecturerId);
      if (!recipient) continue;
      // The entry in their calendar shows the session as they knew it; the cancel only needs its identity.
      emails.push(
        this.email(
          NotificationKind.LECTURER_REMOVED,
          recipient,
          'LECTURER',
          `lecturer:${lecturerId}`,
          { sessions: sessions.map((s) => this.view(s, recipient.language, true)) },
          [{ method: 'CANCEL', events: sessions.map((s) => this.event(s, true, recipient.language)) }],
        ),
      );
    }
    return emails;
  }

  groupCancelled(participants: { recipient: Recipient; confirmed: boolean }[]): EmailRequest[] {
    const sessions = this.change.sessions.map((r) => r.after ?? r.before!).filter(Boolean);
    const data = (language: Language, withLink: boolean) => ({
      sessions: sessions.map((s) => this.view(s, language, withLink)),
      reason: this.group.cancellationReason,
    });
    const cancel = (language: Language) => [{ method: 'CANCEL' as const, events: sessions.map((s) => this.event(s, true, language)) }];
    const emails = participants.map(({ recipient, confirmed }) =>
      this.email(
        NotificationKind.GROUP_CANCELLED,
        recipient,
        'PARTICIPANT',
        `person:${recipient.personId}`,
        data(recipient.language, confirmed),
        confirmed ? cancel(recipient.language) : [],
      ),
    );
    for (const lecturerId of new Set(sessions.map((s) => s.lecturerId).filter((id): id is string => !!id))) {
      const recipient = this.directory.lecturerContacts.get(lecturerId);
      const own = sessions.filter((s) => s.lecturerId === lecturerId);
      if (recipient) {
        emails.push(
          this.email(
            NotificationKind.GROUP_CANCELLED,
            recipient,
            'LECTURER',
            `lecturer:${lecturerId}`,
            { sessions: own.map((s) => this.view(s, recipient.language, true)), reason: this.group.cancellationReason },
            [{ method: 'CANCEL', events: own.map((s) => this.event(s, true, recipient.language)) }],
          ),
        );
      }
    }
    return emails;
  }

  groupConfirmed(confirmed: { recipient: Recipient }[]): EmailRequest[] {
    const sessions = this.change.sessions.map((r) => r.after!).filter(Boolean);
    return confirmed.map(({ recipient }) =>
      this.email(
        NotificationKind.GROUP_CONFIRMED,
        recipient,
        'PARTICIPANT',
        `person:${recipient.personId}`,
        { sessions: sessions.map((s) => this.view(s, recipient.language, true)) },
        [{ method: 'REQUEST', events: sessions.map((s) => this.event(s, false, recipient.language)) }],
      ),
    );
  }

  /** `confirmed`: a lecturer or a participant with a seat gets the link and the calendar; the waiting list neither. */
  private scheduleChanged(recipient: Recipient, role: RecipientRole, key: string, records: SessionChangeRecord[], confirmed: boolean): EmailRequest {
    const { language } = recipient;
    const changes: SessionChangeView[] = records.map((r) => ({
      session: this.view((r.after ?? r.before)!, language, confirmed),
      previous: r.before && r.after ? this.view(r.before, language, confirmed) : null,
      cancelled: !r.after,
      changed: changedAspects(r.before, r.after),
    }));
    const updated = records.filter((r) => r.after).map((r) => this.event(r.after!, false, recipient.language));
    const cancelled = records.filter((r) => !r.after).map((r) => this.event(r.before!, true, recipient.language, r.before!.sequence + 1));
    const calendars = confirmed
      ? [
          { method: 'REQUEST' as const, events: updated },
          { method: 'CANCEL' as const, events: cancelled },
        ]
      : [];
    return this.email(NotificationKind.SCHEDULE_CHANGED, recipient, role, key, { changes, waiting: !confirmed }, calendars);
  }

  private email<K extends NotificationKind>(
    kind: K,
    recipient: Recipient,
    role: RecipientRole,
    recipientKey: string,
    specific: object,
    calendars: EmailRequest['calendars'],
  ): EmailRequest {
    const title = this.title(recipient.language);
    return {
      kind,
      idempotencyKey: `${kind}:${this.change.id}:${recipientKey}`,
      to: recipient,
      groupId: this.group.id,
      calendars,
      data: {
        recipientName: recipient.name,
        recipientRole: role,
        course: { code: this.course.code, title },
        group: { code: this.group.code },
        portalUrl: `${this.settings.publicUrl}${MY_TRAINING_PATH}`,
        ...specific,
      } as EmailRequest['data'],
    };
  }

  /** A session as one recipient reads it: places in their language, the link only for those who may join. */
  private view(s: SessionSnapshot, language: Language, withLink: boolean): SessionView {
    const place = s.placeId ? this.directory.places.get(s.placeId) : undefined;
    return {
      id: s.id,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      place: place ? placeIn(place, language) : null,
      online: !!s.onlineUrl,
      onlineUrl: withLink ? s.onlineUrl : null,
      lecturerName: s.lecturerId ? (this.directory.lecturers.get(s.lecturerId)?.name ?? null) : null,
    };
  }

  private title(language: Language): string {
    return language === Language.EN ? this.course.titleEn || this.course.titleLv : this.course.titleLv;
  }

  private event(s: SessionSnapshot, cancelled: boolean, language: Language, sequence = s.sequence): CalendarEvent {
    return sessionEvent(
      { id: s.id, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt), onlineUrl: s.onlineUrl, sequence },
      {
        title: this.title(language),
        groupCode: this.group.code,
        place: s.placeId ? this.directory.places.get(s.placeId) : undefined,
        language,
        publicUrl: this.settings.publicUrl,
        cancelled,
      },
    );
  }
}

import type { EntityManager } from 'typeorm';
import { NotificationKind, type SessionView } from '../notifications/notification-kinds.js';
import type { EmailRequest } from '../notifications/notifications.service.js';
import { Language } from '../people/person.entity.js';
import type { PeopleService } from '../people/people.service.js';
import { placeIn, type Place } from '../scheduling/place.entity.js';

/** The portal's course page (web/src/App.tsx), where the person registers. */
export const COURSE_PATH = '/kursi/';

interface PublishedGroup {
  code: string;
  courseId: string;
  courseCode: string;
  titleLv: string;
  titleEn: string;
  registrationDeadline: string | null;
  priceCents: number;
  /** As every recipient sees them, apart from the place's language. */
  sessions: (Omit<SessionView, 'place'> & { place: Place | null })[];
}

/**
 * The e-mail of an interest request (R-CAT-3): a new group of the course is open for registration,
 * with its dates, place, deadline and price and a link to the course page. One per person and group
 * (the idempotency key says which), in the recipient's language.
 */
export class InterestNotices {
  constructor(
    private readonly people: PeopleService,
    private readonly settings: { publicUrl: string },
  ) {}

  async emailsFor(em: EntityManager, groupId: string, personIds: readonly string[]): Promise<EmailRequest[]> {
    if (personIds.length === 0) return [];
    const group = await this.groupFacts(em, groupId);
    const contacts = await this.people.contactsByIds(personIds, em);
    const courseUrl = `${this.settings.publicUrl}${COURSE_PATH}${group.courseId}`;
    return personIds.flatMap((personId) => {
      const to = contacts.get(personId);
      if (!to) return [];
      const title = to.language === Language.EN ? group.titleEn || group.titleLv : group.titleLv;
      const request: EmailRequest<NotificationKind.INTEREST_GROUP_PUBLISHED> = {
        kind: NotificationKind.INTEREST_GROUP_PUBLISHED,
        idempotencyKey: `${NotificationKind.INTEREST_GROUP_PUBLISHED}:${groupId}:${personId}`,
        to,
        groupId,
        data: {
          recipientName: to.name,
          recipientRole: 'PARTICIPANT',
          course: { code: group.courseCode, title },
          group: { code: group.code },
          portalUrl: courseUrl,
          courseUrl,
          sessions: group.sessions.map((s) => ({ ...s, place: s.place && placeIn(s.place, to.language) })),
          registrationDeadline: group.registrationDeadline,
          priceCents: group.priceCents,
        },
      };
      return [request as EmailRequest];
    });
  }

  private async groupFacts(em: EntityManager, groupId: string): Promise<PublishedGroup> {
    const [group] = await em.query(
      `SELECT g.code, g.registration_deadline, COALESCE(g.price_override_cents, c.price_cents) AS price_cents,
              c.id AS course_id, c.code AS course_code, c.title_lv, c.title_en
         FROM course_group g JOIN course c ON c.id = g.course_id WHERE g.id = $1`,
      [groupId],
    );
    const rows: any[] = await em.query(
      `SELECT s.id, s.starts_at, s.ends_at, s.online_url, l.name AS lecturer_name, p.id AS place_id, p.name AS place_name, p.name_en AS place_name_en,
              p.address AS place_address, p.room AS place_room, p.room_en AS place_room_en
         FROM session s LEFT JOIN place p ON p.id = s.place_id LEFT JOIN lecturer l ON l.id = s.lecturer_id
        WHERE s.group_id = $1 ORDER BY s.starts_at, s.id`,
      [groupId],
    );
    return {
      code: group.code,
      courseId: group.course_id,
      courseCode: group.course_code,
      titleLv: group.title_lv,
      titleEn: group.title_en,
      registrationDeadline: group.registration_deadline ? new Date(group.registration_deadline).toISOString() : null,
      priceCents: Number(group.price_cents),
      sessions: rows.map((r) => ({
        id: r.id,
        startsAt: new Date(r.starts_at).toISOString(),
        endsAt: new Date(r.ends_at).toISOString(),
        place: r.place_id
          ? ({ id: r.place_id, name: r.place_name, nameEn: r.place_name_en, address: r.place_address, room: r.place_room, roomEn: r.place_room_en } as Place)
          : null,
        // The people who asked are not participants yet: they learn the session is online, not its link.
        online: !!r.online_url,
        onlineUrl: null,
        lecturerName: r.lecturer_name,
      })),
    };
  }
}

import type { EntityManager } from 'typeorm';
import { NotificationKind } from '../notifications/notification-kinds.js';
import type { EmailRequest } from '../notifications/notifications.service.js';
import type { PeopleService } from '../people/people.service.js';
import type { CoordinatorNomination } from './coordinator-nomination.entity.js';

const CONSOLE_PATH = '/admin';
const CONSOLE_NOMINATIONS = '/admin/#/coordinatorNominations';
const PROFILE_PATH = '/profils';

/**
 * The e-mails of a coordinator nomination (R-ID-7): every staff member with an address hears of a
 * new request; the person hears of the decision. In each recipient's language.
 */
export class NominationNotices {
  constructor(
    private readonly people: PeopleService,
    private readonly settings: { publicUrl: string },
  ) {}

  async received(em: EntityManager, nomination: CoordinatorNomination, institutionKnown: boolean): Promise<EmailRequest[]> {
    const staff: { person_id: string }[] = await em.query(
      `SELECT DISTINCT r.person_id FROM person_role r JOIN person p ON p.id = r.person_id WHERE r.role IN ('STAFF', 'ADMIN') AND p.email IS NOT NULL`,
    );
    const contacts = await this.people.contactsByIds([nomination.personId, ...staff.map((row) => row.person_id)], em);
    const applicant = contacts.get(nomination.personId);
    if (!applicant) return [];
    return staff.flatMap(({ person_id: staffId }) => {
      const to = contacts.get(staffId);
      if (!to || staffId === nomination.personId) return [];
      const request: EmailRequest<NotificationKind.COORDINATOR_NOMINATION_RECEIVED> = {
        kind: NotificationKind.COORDINATOR_NOMINATION_RECEIVED,
        idempotencyKey: `${NotificationKind.COORDINATOR_NOMINATION_RECEIVED}:${nomination.id}:${staffId}`,
        to,
        data: {
          recipientName: to.name,
          portalUrl: `${this.settings.publicUrl}${PROFILE_PATH}`,
          consoleUrl: `${this.settings.publicUrl}${CONSOLE_NOMINATIONS}`,
          applicant: { name: applicant.name, email: applicant.email },
          institutionName: nomination.institutionName,
          registrationNumber: nomination.registrationNumber,
          institutionKnown,
          position: nomination.position,
          note: nomination.note,
        },
      };
      return [request as EmailRequest];
    });
  }

  async decided(em: EntityManager, nomination: CoordinatorNomination, institutionName: string): Promise<EmailRequest[]> {
    const to = (await this.people.contactsByIds([nomination.personId], em)).get(nomination.personId);
    if (!to) return [];
    const request: EmailRequest<NotificationKind.COORDINATOR_NOMINATION_DECIDED> = {
      kind: NotificationKind.COORDINATOR_NOMINATION_DECIDED,
      idempotencyKey: `${NotificationKind.COORDINATOR_NOMINATION_DECIDED}:${nomination.id}`,
      to,
      data: {
        recipientName: to.name,
        portalUrl: `${this.settings.publicUrl}${PROFILE_PATH}`,
        consoleUrl: `${this.settings.publicUrl}${CONSOLE_PATH}`,
        institutionName,
        decision: nomination.status === 'APPROVED' ? 'APPROVED' : 'REFUSED',
        note: nomination.decisionNote,
      },
    };
    return [request as EmailRequest];
  }
}

/**
 * Every kind of e-mail the system sends, and the data its templates receive. The data is stored
 * with each outbox message (JSON), so it holds only plain values: dates are ISO strings, rendered in
 * Europe/Riga by the templates' helpers in the recipient's language.
 */
export enum NotificationKind {
  SCHEDULE_CHANGED = 'schedule-changed',
  GROUP_CANCELLED = 'group-cancelled',
  GROUP_CONFIRMED = 'group-confirmed',
  LECTURER_ASSIGNED = 'lecturer-assigned',
  LECTURER_REMOVED = 'lecturer-removed',
  REGISTRATION_RECEIVED = 'registration-received',
  REGISTRATION_WAITING = 'registration-waiting',
  REGISTRATION_MOVED_UP = 'registration-moved-up',
  REGISTRATION_CANCELLED = 'registration-cancelled',
  EMPLOYEE_REGISTRATIONS = 'employee-registrations',
  INTEREST_GROUP_PUBLISHED = 'interest-group-published',
  COORDINATOR_NOMINATION_RECEIVED = 'coordinator-nomination-received',
  COORDINATOR_NOMINATION_DECIDED = 'coordinator-nomination-decided',
  SUPPORT_ANSWERED = 'support-answered',
  SESSION_REMINDER = 'session-reminder',
  INVOICE_ISSUED = 'invoice-issued',
  QUESTIONNAIRE_INVITATION = 'questionnaire-invitation',
  QUESTIONNAIRE_REMINDER = 'questionnaire-reminder',
  CERTIFICATE_ISSUED = 'certificate-issued',
  TEST_INVITATION = 'test-invitation',
}

export const NOTIFICATION_KINDS = Object.values(NotificationKind);

/** Kinds about a person's own account or question rather than a group: no group or sessions in them. */
export const ACCOUNT_KINDS: readonly NotificationKind[] = [
  NotificationKind.COORDINATOR_NOMINATION_RECEIVED,
  NotificationKind.COORDINATOR_NOMINATION_DECIDED,
  NotificationKind.SUPPORT_ANSWERED,
  NotificationKind.INVOICE_ISSUED,
];

/** Kinds about a group that ended, or a test to take: no calendar file goes with them. */
export const QUESTIONNAIRE_KINDS: readonly NotificationKind[] = [
  NotificationKind.QUESTIONNAIRE_INVITATION,
  NotificationKind.QUESTIONNAIRE_REMINDER,
  NotificationKind.CERTIFICATE_ISSUED,
  NotificationKind.TEST_INVITATION,
];

/** One session as an e-mail shows it. */
export interface SessionView {
  id: string;
  /** ISO 8601 instants. */
  startsAt: string;
  endsAt: string;
  /** In the recipient's language; `room` is the whole phrase ("108. telpa", "Room 108"). */
  place: { name: string; address: string; room: string | null } | null;
  /** Held online (or hybrid), whether or not this recipient may have the link. */
  online: boolean;
  /** Only for those who may join: the group's confirmed participants and its lecturers. */
  onlineUrl: string | null;
  lecturerName: string | null;
}

/** Who the e-mail speaks to, and in which capacity. */
export type RecipientRole = 'PARTICIPANT' | 'LECTURER';

interface CommonData {
  recipientName: string;
  recipientRole: RecipientRole;
  course: { code: string; title: string };
  group: { code: string };
  /** Where the person follows their training in the portal (absolute URL). */
  portalUrl: string;
}

/** What changed in one session. `previous` null: the session was added; `cancelled`: removed. */
export interface SessionChangeView {
  session: SessionView;
  previous: SessionView | null;
  cancelled: boolean;
  /** The aspects that differ between previous and session. */
  changed: ('date' | 'time' | 'place' | 'onlineUrl' | 'lecturer')[];
}

export interface NotificationData {
  /** `waiting`: a participant on the waiting list, who has no seat, no link and no calendar file. */
  [NotificationKind.SCHEDULE_CHANGED]: CommonData & { changes: SessionChangeView[]; waiting: boolean };
  [NotificationKind.GROUP_CANCELLED]: CommonData & { sessions: SessionView[]; reason: string | null };
  [NotificationKind.GROUP_CONFIRMED]: CommonData & { sessions: SessionView[] };
  [NotificationKind.LECTURER_ASSIGNED]: CommonData & { sessions: SessionView[] };
  [NotificationKind.LECTURER_REMOVED]: CommonData & { sessions: SessionView[] };
  [NotificationKind.REGISTRATION_RECEIVED]: CommonData & { sessions: SessionView[] };
  [NotificationKind.REGISTRATION_WAITING]: CommonData & { sessions: SessionView[]; position: number };
  [NotificationKind.REGISTRATION_MOVED_UP]: CommonData & { sessions: SessionView[] };
  /** hadSeat: the person was CONFIRMED, so their calendar gets the sessions removed. */
  [NotificationKind.REGISTRATION_CANCELLED]: CommonData & {
    sessions: SessionView[];
    reason: string | null;
    hadSeat: boolean;
    cancelledByOther: boolean;
    cancelledBy: string | null;
  };
  [NotificationKind.EMPLOYEE_REGISTRATIONS]: EmployeeRegistrationsData;
  /** To a person with an interest request: a new group of the course is open (R-CAT-3). */
  [NotificationKind.INTEREST_GROUP_PUBLISHED]: CommonData & {
    sessions: SessionView[];
    /** The course page, where the person registers. */
    courseUrl: string;
    registrationDeadline: string | null;
    priceCents: number;
  };
  [NotificationKind.COORDINATOR_NOMINATION_RECEIVED]: NominationReceivedData;
  [NotificationKind.COORDINATOR_NOMINATION_DECIDED]: NominationDecidedData;
  [NotificationKind.SUPPORT_ANSWERED]: SupportAnsweredData;
  /** To a confirmed participant, the course's number of days before a session (R-NOT-1): `sessions` holds that one session. */
  [NotificationKind.SESSION_REMINDER]: CommonData & { sessions: SessionView[]; daysBefore: number };
  [NotificationKind.INVOICE_ISSUED]: InvoiceIssuedData;
  /** To a participant after the group's last session (R-AFT-1): fill the evaluation questionnaire. */
  [NotificationKind.QUESTIONNAIRE_INVITATION]: QuestionnaireData;
  /** The same, every 2 days until filled; `reminder` counts from 1. */
  [NotificationKind.QUESTIONNAIRE_REMINDER]: QuestionnaireData & { reminder: number };
  /** To a participant (R-AFT-3): the certificate is issued, with its PDF and verification links. */
  [NotificationKind.CERTIFICATE_ISSUED]: CertificateIssuedData;
  /** To a confirmed participant staff invited to a knowledge test (R-AFT-4); `portalUrl` is the test's page. */
  [NotificationKind.TEST_INVITATION]: TestInvitationData;
}

export type TestInvitationData = CommonData & {
  test: { title: string; questions: number; passPercent: number; attemptsAllowed: number; timeLimitMinutes: number | null };
  /** The group's first session (ISO instants), null for a group without sessions. */
  firstSession: { startsAt: string; endsAt: string } | null;
};

export type CertificateIssuedData = QuestionnaireData & { certificate: { number: string; hours: number; verifyUrl: string } };

/** To the payer: an invoice or credit note, its PDF and e-invoice attached (R-FIN-1). */
export interface InvoiceIssuedData {
  recipientName: string;
  portalUrl: string;
  creditNote: boolean;
  number: string;
  /** "125.50", the document's total in euro. */
  total: string;
  /** YYYY-MM-DD; null for a credit note. */
  dueDate: string | null;
  course: { code: string; title: string };
  group: { code: string };
  /** CREDIT_NOTE: the invoice it cancels. */
  creditedNumber: string | null;
}

/** `portalUrl` is the questionnaire's page; `lastSession` the group's last session (ISO instants). */
export type QuestionnaireData = CommonData & { lastSession: { startsAt: string; endsAt: string } };

/** To staff: a person asks to become an institution's coordinator (R-ID-7). */
export interface NominationReceivedData {
  recipientName: string;
  portalUrl: string;
  /** The console's list of requests. */
  consoleUrl: string;
  applicant: { name: string; email: string | null };
  institutionName: string;
  registrationNumber: string;
  /** False: staff must create the institution before approving. */
  institutionKnown: boolean;
  position: string;
  note: string | null;
}

/** To the person who asked: staff approved (they coordinate now) or refused, with staff's words. */
export interface NominationDecidedData {
  recipientName: string;
  portalUrl: string;
  consoleUrl: string;
  institutionName: string;
  decision: 'APPROVED' | 'REFUSED';
  note: string | null;
}

/** To whoever asked the school a question (R-SUP-1): the answer. */
export interface SupportAnsweredData {
  recipientName: string;
  /** Where a signed-in asker sees their questions (else the portal's profile). */
  portalUrl: string;
  /** ISO instant of the question. */
  askedAt: string;
  question: string;
  answer: string;
  course: { code: string; title: string } | null;
}

/** Employees of one institution registered into or cancelled from one group by someone else, as their coordinator is told. */
export interface EmployeeRegistrationsData {
  recipientName: string;
  /** The portal (the e-mail's profile link). */
  portalUrl: string;
  /** The console, where the coordinator sees their employees' registrations. */
  consoleUrl: string;
  institution: { name: string };
  course: { code: string; title: string };
  group: { code: string };
  sessions: SessionView[];
  action: 'REGISTERED' | 'CANCELLED';
  /** SELF: the employee themself; STAFF: the school; COORDINATOR: another coordinator. */
  by: { kind: 'SELF' | 'STAFF' | 'COORDINATOR'; name: string | null };
  employees: { name: string; status: 'CONFIRMED' | 'WAITING' | 'CANCELLED'; position: number | null }[];
  reason: string | null;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

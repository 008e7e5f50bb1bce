import { CourseMaterial, StoredFile } from '../modules/catalog/material.entity.js';
import { CourseMaterials1764695000000 } from './migrations/1764695000000-course-materials.js';
import { StructuredAddresses1764697000000 } from './migrations/1764697000000-structured-addresses.js';
import { EuProjects1764696000000 } from './migrations/1764696000000-eu-projects.js';
import { EuProject, RegistrationIndicatorData } from '../modules/reporting/project.entity.js';
import { AttendanceMark } from '../modules/attendance/attendance-mark.entity.js';
import { ApiToken } from '../modules/auth/api-token.entity.js';
import { AuthSession } from '../modules/auth/auth-session.entity.js';
import { UsedAssertion } from '../modules/auth/used-assertion.entity.js';
import { Course, CourseAllowedInstitution } from '../modules/catalog/course.entity.js';
import { InterestRequest } from '../modules/catalog/interest-request.entity.js';
import { Topic } from '../modules/catalog/topic.entity.js';
import { Certificate } from '../modules/certificates/certificate.entity.js';
import { BillingAccount, Employment, Institution, InstitutionCoordinator } from '../modules/institutions/institution.entity.js';
import { CoordinatorNomination } from '../modules/institutions/coordinator-nomination.entity.js';
import { SupportQuestion } from '../modules/support/support-question.entity.js';
import { Person, PersonCode, PersonRole } from '../modules/people/person.entity.js';
import { Registration } from '../modules/registration/registration.entity.js';
import { Group } from '../modules/scheduling/group.entity.js';
import { Lecturer } from '../modules/scheduling/lecturer.entity.js';
import { Place } from '../modules/scheduling/place.entity.js';
import { ScheduleChange } from '../modules/scheduling/schedule-change.entity.js';
import { Session } from '../modules/scheduling/session.entity.js';
import { CalendarFeed } from '../modules/notifications/calendar-feed.entity.js';
import { OutboxMessage } from '../modules/notifications/outbox-message.entity.js';
import { HelpSettings } from '../modules/support/help-settings.entity.js';
import { Invoice, InvoiceCounter, InvoiceLine } from '../modules/invoicing/invoice.entity.js';
import {
  Questionnaire,
  QuestionnaireCompletion,
  QuestionnaireInvitation,
  QuestionnaireResponse,
  QuestionnaireVersion,
} from '../modules/evaluation/questionnaire.entity.js';
import { KnowledgeTest, KnowledgeTestAttempt, KnowledgeTestInvitation } from '../modules/evaluation/knowledge-test.entity.js';
import { Foundation1763900000000 } from './migrations/1763900000000-foundation.js';
import { Identity1764000000000 } from './migrations/1764000000000-identity.js';
import { Notifications1764100000000 } from './migrations/1764100000000-notifications.js';
import { Registration1764200000000 } from './migrations/1764200000000-registration.js';
import { InterestRequests1764300000000 } from './migrations/1764300000000-interest-requests.js';
import { RateLimits1764350000000 } from './migrations/1764350000000-rate-limits.js';
import { PlaceNames1764400000000 } from './migrations/1764400000000-place-names.js';
import { CoordinatorNominations1764420000000 } from './migrations/1764420000000-coordinator-nominations.js';
import { SupportQuestions1764440000000 } from './migrations/1764440000000-support-questions.js';
import { SessionReminders1764450000000 } from './migrations/1764450000000-session-reminders.js';
import { HelpSettings1764500000000 } from './migrations/1764500000000-help-settings.js';
import { Attendance1764610000000 } from './migrations/1764610000000-attendance.js';
import { Invoices1764600000000 } from './migrations/1764600000000-invoices.js';
import { Questionnaires1764620000000 } from './migrations/1764620000000-questionnaires.js';
import { AuditLog1764690000000 } from './migrations/1764690000000-audit-log.js';
import { PersonErasure1764691000000 } from './migrations/1764691000000-person-erasure.js';
import { Certificates1764692000000 } from './migrations/1764692000000-certificates.js';
import { EinvoiceAddressing1764693000000 } from './migrations/1764693000000-einvoice-addressing.js';
import { KnowledgeTests1764694000000 } from './migrations/1764694000000-knowledge-tests.js';
import { AuditEntry } from '../modules/audit/audit-entry.entity.js';

export const entities = [
  AuditEntry,
  Person,
  PersonCode,
  PersonRole,
  Institution,
  InstitutionCoordinator,
  Employment,
  BillingAccount,
  Topic,
  Course,
  CourseAllowedInstitution,
  Lecturer,
  Place,
  Group,
  Session,
  Registration,
  AuthSession,
  ApiToken,
  UsedAssertion,
  Certificate,
  OutboxMessage,
  CalendarFeed,
  ScheduleChange,
  InterestRequest,
  CoordinatorNomination,
  SupportQuestion,
  HelpSettings,
  AttendanceMark,
  Invoice,
  InvoiceLine,
  InvoiceCounter,
  Questionnaire,
  QuestionnaireVersion,
  QuestionnaireInvitation,
  QuestionnaireCompletion,
  QuestionnaireResponse,
  StoredFile,
  CourseMaterial,
  KnowledgeTest,
  KnowledgeTestInvitation,
  KnowledgeTestAttempt,
  EuProject,
  RegistrationIndicatorData,
];

/** In order; a new migration is appended here and never edited once it has shipped. */
export const migrations = [
  Foundation1763900000000,
  Identity1764000000000,
  Notifications1764100000000,
  Registration1764200000000,
  InterestRequests1764300000000,
  RateLimits1764350000000,
  PlaceNames1764400000000,
  CoordinatorNominations1764420000000,
  SupportQuestions1764440000000,
  SessionReminders1764450000000,
  HelpSettings1764500000000,
  Invoices1764600000000,
  Attendance1764610000000,
  Questionnaires1764620000000,
  AuditLog1764690000000,
  PersonErasure1764691000000,
  Certificates1764692000000,
  EinvoiceAddressing1764693000000,
  KnowledgeTests1764694000000,
  CourseMaterials1764695000000,
  EuProjects1764696000000,
  StructuredAddresses1764697000000,
];

import type { DataSource } from 'typeorm';
import type { Config } from './config.js';
import { ConnectionHealth } from './db/connection-health.js';
import { AttendanceService } from './modules/attendance/attendance.service.js';
import { ApiTokenService } from './modules/auth/api-token.service.js';
import { AuthService } from './modules/auth/auth.service.js';
import { CatalogService } from './modules/catalog/catalog.service.js';
import { MaterialsService } from './modules/catalog/materials.service.js';
import { createFileStorage, type FileStorage } from './common/file-storage.js';
import { InterestNotices } from './modules/catalog/interest-notices.js';
import { InterestService } from './modules/catalog/interest.service.js';
import { RolesService } from './modules/people/roles.service.js';
import { NominationNotices } from './modules/institutions/nomination-notices.js';
import { NominationsService } from './modules/institutions/nominations.service.js';
import { SupportService } from './modules/support/support.service.js';
import { SessionReminders } from './modules/scheduling/session-reminders.js';
import { AuditService } from './modules/audit/audit.service.js';
import { PersonalDataService } from './modules/privacy/personal-data.service.js';
import { CertificatesService } from './modules/certificates/certificates.service.js';
import { CertificateIssuer } from './modules/certificates/certificate-issuer.js';
import { EmploymentsService } from './modules/institutions/employments.service.js';
import { InstitutionsService } from './modules/institutions/institutions.service.js';
import { PeopleService } from './modules/people/people.service.js';
import { PersonalCodeCipher } from './modules/people/personal-code.js';
import { RegistrationNotices } from './modules/registration/registration-notices.js';
import { RegistrationService } from './modules/registration/registration.service.js';
import { GroupsService } from './modules/scheduling/groups.service.js';
import { MyScheduleService } from './modules/scheduling/my-schedule.service.js';
import { ScheduleRecorder } from './modules/scheduling/schedule-recorder.js';
import { SessionsService } from './modules/scheduling/sessions.service.js';
import { CalendarFeedService } from './modules/notifications/calendar-feed.service.js';
import { NotificationsService } from './modules/notifications/notifications.service.js';
import { TemplateRenderer } from './modules/notifications/template-renderer.js';
import { ScheduleEvents } from './modules/scheduling/schedule-events.js';
import { ScheduleNotices } from './modules/scheduling/schedule-notices.js';
import { HelpSettingsService } from './modules/support/help-settings.service.js';
import { InvoicingService } from './modules/invoicing/invoicing.service.js';
import { EvaluationService } from './modules/evaluation/evaluation.service.js';
import { KnowledgeTestsService } from './modules/evaluation/knowledge-tests.service.js';
import { QuestionnaireNotices } from './modules/evaluation/questionnaire-notices.js';
import { ProjectsService } from './modules/reporting/projects.service.js';

/** The one instance of each domain service, wired by hand: the graph of dependencies is small and visible. */
export interface ServiceOptions {
  /** Set on a real PostgreSQL server: live events travel between instances by LISTEN/NOTIFY. */
  crossInstance: { databaseUrl: string } | null;
  log: { info(message: string): void; error(message: string, error?: unknown): void };
  /** Where the parts with connections of their own report them (/health); one of its own when unset. */
  health?: ConnectionHealth;
  /** Where uploaded files go; unset: the one `config.files` names. */
  storage?: FileStorage;
}

export function createServices(
  dataSource: DataSource,
  config: Pick<Config, 'sessionIdleMinutes' | 'sessionAbsoluteHours' | 'publicUrl' | 'mailFrom' | 'smtpUrl' | 'invoicing' | 'files'>,
  codes: PersonalCodeCipher,
  options: ServiceOptions = { crossInstance: null, log: { info: () => {}, error: () => {} } },
) {
  const health = options.health ?? new ConnectionHealth(options.log);
  const people = new PeopleService(dataSource, codes);
  const roles = new RolesService(dataSource, people);
  const notifications = new NotificationsService(dataSource, new TemplateRenderer(), { mailFrom: config.mailFrom, mailbox: !config.smtpUrl }, people);
  const scheduleEvents = new ScheduleEvents(dataSource, options.crossInstance, options.log, health.link('liveUpdates', 'Live schedule updates'));
  const institutions = new InstitutionsService(dataSource, people);
  const employments = new EmploymentsService(dataSource, people);
  const nominations = new NominationsService(dataSource, notifications, new NominationNotices(people, { publicUrl: config.publicUrl }));
  // A server of its own (not PGlite, whose connections share one session) keeps prepared statements per connection.
  const catalog = new CatalogService(dataSource, { preparedStatements: options.crossInstance !== null });
  const materials = new MaterialsService(dataSource, options.storage ?? createFileStorage(config.files), { maxBytes: config.files.maxBytes }, options.log);
  const interests = new InterestService(dataSource, catalog, notifications, new InterestNotices(people, { publicUrl: config.publicUrl }));
  const support = new SupportService(dataSource, catalog, notifications, { publicUrl: config.publicUrl });
  const registrations = new RegistrationService(
    dataSource,
    institutions,
    notifications,
    new RegistrationNotices(people, { publicUrl: config.publicUrl }),
    scheduleEvents,
  );
  const notices = new ScheduleNotices(people, registrations, { publicUrl: config.publicUrl });
  const scheduleRecorder = new ScheduleRecorder(notifications, notices, scheduleEvents);
  const invoicing = new InvoicingService(dataSource, config.invoicing, notifications, { publicUrl: config.publicUrl });
  const groups = new GroupsService(dataSource, catalog, registrations, notifications, scheduleRecorder, scheduleEvents, interests, invoicing);
  const sessions = new SessionsService(dataSource, scheduleRecorder);
  const mySchedule = new MyScheduleService(dataSource, sessions);
  registrations.confirmGroupsWith(groups);
  const sessionReminders = new SessionReminders(dataSource, notifications, people, { publicUrl: config.publicUrl });
  const attendance = new AttendanceService(dataSource);
  const evaluation = new EvaluationService(dataSource, attendance);
  const certificates = new CertificatesService(dataSource, attendance, notifications, people, { publicUrl: config.publicUrl });
  const certificateIssuer = new CertificateIssuer(certificates);
  // A filled questionnaire may complete a certificate's conditions: issue it now rather than at the next sweep.
  evaluation.onCompleted(() => certificateIssuer.sweepSoon(options.log));
  const questionnaireNotices = new QuestionnaireNotices(dataSource, evaluation, notifications, people, { publicUrl: config.publicUrl });
  const knowledgeTests = new KnowledgeTestsService(dataSource, notifications, people, { publicUrl: config.publicUrl });
  const calendarFeeds = new CalendarFeedService(dataSource, mySchedule, people, config.publicUrl);
  const auth = new AuthService(dataSource, people, institutions, sessions, {
    idleMinutes: config.sessionIdleMinutes,
    absoluteHours: config.sessionAbsoluteHours,
  });
  const apiTokens = new ApiTokenService(dataSource, institutions);
  const helpSettings = new HelpSettingsService(dataSource);
  const projects = new ProjectsService(dataSource, attendance, people);
  registrations.recordIndicatorsWith(projects);
  const audit = new AuditService(dataSource);
  const personalData = new PersonalDataService(dataSource, people, audit);
  return {
    health,
    audit,
    personalData,
    codes,
    certificates,
    certificateIssuer,
    people,
    roles,
    institutions,
    nominations,
    support,
    employments,
    catalog,
    materials,
    interests,
    registrations,
    groups,
    sessions,
    mySchedule,
    auth,
    apiTokens,
    notifications,
    scheduleEvents,
    calendarFeeds,
    sessionReminders,
    evaluation,
    questionnaireNotices,
    knowledgeTests,
    helpSettings,
    attendance,
    invoicing,
    projects,
  };
}

export type Services = ReturnType<typeof createServices>;

import { buildSchema, getMetadataStorage } from 'type-graphql';
import { isObjectType, lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { AttendanceResolver, RegistrationAttendanceResolver } from '../modules/attendance/attendance.resolver.js';
import { AttendanceService } from '../modules/attendance/attendance.service.js';
import { ApiTokenEntityResolver } from '../modules/auth/api-token-entity.resolver.js';
import { ApiTokenResolver } from '../modules/auth/api-token.resolver.js';
import { ApiTokenService } from '../modules/auth/api-token.service.js';
import { CatalogService } from '../modules/catalog/catalog.service.js';
import { EmploymentsService } from '../modules/institutions/employments.service.js';
import { InstitutionsService } from '../modules/institutions/institutions.service.js';
import { PeopleService } from '../modules/people/people.service.js';
import { RegistrationEntityResolver } from '../modules/registration/registration-entity.resolver.js';
import { RegistrationResolver } from '../modules/registration/registration.resolver.js';
import { RegistrationService } from '../modules/registration/registration.service.js';
import { GroupsService } from '../modules/scheduling/groups.service.js';
import { MyScheduleService } from '../modules/scheduling/my-schedule.service.js';
import { SessionsService } from '../modules/scheduling/sessions.service.js';
import { CatalogResolver } from '../modules/catalog/catalog.resolver.js';
import { CourseInterestResolver, InterestRequestEntityResolver, InterestResolver } from '../modules/catalog/interest.resolver.js';
import { InterestService } from '../modules/catalog/interest.service.js';
import { CertificateEntityResolver, PersonCertificatesResolver, RegistrationCertificateResolver } from '../modules/certificates/certificate-entity.resolver.js';
import { CertificateLinksResolver, CertificatesResolver } from '../modules/certificates/certificates.resolver.js';
import { CertificatesService } from '../modules/certificates/certificates.service.js';
import { CourseMaterialEntityResolver, CourseMaterialsResolver, MaterialsResolver } from '../modules/catalog/materials.resolver.js';
import { MaterialsService } from '../modules/catalog/materials.service.js';
import { CourseEntityResolver, TopicEntityResolver } from '../modules/catalog/course-entity.resolver.js';
import { InstitutionsResolver } from '../modules/institutions/institutions.resolver.js';
import { EmploymentsResolver } from '../modules/institutions/employments.resolver.js';
import {
  BillingAccountEntityResolver,
  EmploymentEntityResolver,
  InstitutionEntityResolver,
  PersonEmploymentsResolver,
} from '../modules/institutions/institution-entity.resolver.js';
import { PeopleResolver, PersonEntityResolver } from '../modules/people/people.resolver.js';
import { PersonRolesResolver, RolesResolver } from '../modules/people/roles.resolver.js';
import { NominationEntityResolver, NominationsResolver } from '../modules/institutions/nominations.resolver.js';
import { NominationsService } from '../modules/institutions/nominations.service.js';
import { SupportQuestionEntityResolver, SupportResolver } from '../modules/support/support.resolver.js';
import { SupportService } from '../modules/support/support.service.js';
import { RolesService } from '../modules/people/roles.service.js';
import {
  GroupEntityResolver,
  LecturerEntityResolver,
  PlaceEntityResolver,
  ScheduleChangeEventResolver,
  SessionEntityResolver,
} from '../modules/scheduling/scheduling-entity.resolver.js';
import { SchedulingResolver } from '../modules/scheduling/scheduling.resolver.js';
import { CalendarFeedResolver } from '../modules/notifications/calendar-feed.resolver.js';
import { CalendarFeedService } from '../modules/notifications/calendar-feed.service.js';
import { NotificationsResolver, OutboxMessageEntityResolver } from '../modules/notifications/notifications.resolver.js';
import { NotificationsService } from '../modules/notifications/notifications.service.js';
import { HelpSettingsResolver } from '../modules/support/help-settings.resolver.js';
import { InvoiceEntityResolver, InvoicingResolver } from '../modules/invoicing/invoicing.resolver.js';
import { InvoicingService } from '../modules/invoicing/invoicing.service.js';
import { HelpSettingsService } from '../modules/support/help-settings.service.js';
import { EvaluationResolver } from '../modules/evaluation/evaluation.resolver.js';
import { EvaluationService } from '../modules/evaluation/evaluation.service.js';
import { KnowledgeTestsResolver } from '../modules/evaluation/knowledge-tests.resolver.js';
import { KnowledgeTestsService } from '../modules/evaluation/knowledge-tests.service.js';
import { AuditEntryResolver, AuditResolver } from '../modules/audit/audit.resolver.js';
import { AuditService } from '../modules/audit/audit.service.js';
import { PrivacyResolver } from '../modules/privacy/privacy.resolver.js';
import { PersonalDataService } from '../modules/privacy/personal-data.service.js';
import { GroupProjectResolver, ProjectsResolver, RegistrationIndicatorResolver } from '../modules/reporting/projects.resolver.js';
import { ProjectsService } from '../modules/reporting/projects.service.js';
import type { Services } from '../services.js';
import { authChecker } from './auth-checker.js';
import { ServiceContainer } from './container.js';

export const resolvers = [
  CatalogResolver,
  CourseEntityResolver,
  TopicEntityResolver,
  InterestResolver,
  InterestRequestEntityResolver,
  CourseInterestResolver,
  SchedulingResolver,
  GroupEntityResolver,
  SessionEntityResolver,
  PlaceEntityResolver,
  ScheduleChangeEventResolver,
  LecturerEntityResolver,
  PeopleResolver,
  RolesResolver,
  PersonRolesResolver,
  NominationsResolver,
  NominationEntityResolver,
  SupportResolver,
  SupportQuestionEntityResolver,
  PersonEntityResolver,
  PersonCertificatesResolver,
  CertificateEntityResolver,
  RegistrationCertificateResolver,
  CertificatesResolver,
  CertificateLinksResolver,
  InstitutionsResolver,
  InstitutionEntityResolver,
  BillingAccountEntityResolver,
  EmploymentsResolver,
  EmploymentEntityResolver,
  PersonEmploymentsResolver,
  ApiTokenResolver,
  ApiTokenEntityResolver,
  RegistrationResolver,
  RegistrationEntityResolver,
  NotificationsResolver,
  OutboxMessageEntityResolver,
  CalendarFeedResolver,
  HelpSettingsResolver,
  AttendanceResolver,
  RegistrationAttendanceResolver,
  InvoicingResolver,
  InvoiceEntityResolver,
  EvaluationResolver,
  KnowledgeTestsResolver,
  AuditResolver,
  AuditEntryResolver,
  PrivacyResolver,
  MaterialsResolver,
  CourseMaterialEntityResolver,
  CourseMaterialsResolver,
  ProjectsResolver,
  GroupProjectResolver,
  RegistrationIndicatorResolver,
] as const;

/** Builds the graph. Without services (schema emission) resolvers are never called. */
export async function createSchema(services?: Services): Promise<GraphQLSchema> {
  const container = new ServiceContainer();
  if (services) {
    container
      .register(CatalogService, services.catalog)
      .register(InterestService, services.interests)
      .register(GroupsService, services.groups)
      .register(SessionsService, services.sessions)
      .register(MyScheduleService, services.mySchedule)
      .register(PeopleService, services.people)
      .register(RolesService, services.roles)
      .register(NominationsService, services.nominations)
      .register(SupportService, services.support)
      .register(InstitutionsService, services.institutions)
      .register(EmploymentsService, services.employments)
      .register(ApiTokenService, services.apiTokens)
      .register(RegistrationService, services.registrations)
      .register(NotificationsService, services.notifications)
      .register(CalendarFeedService, services.calendarFeeds)
      .register(HelpSettingsService, services.helpSettings)
      .register(AttendanceService, services.attendance)
      .register(InvoicingService, services.invoicing)
      .register(EvaluationService, services.evaluation)
      .register(KnowledgeTestsService, services.knowledgeTests)
      .register(AuditService, services.audit)
      .register(PersonalDataService, services.personalData)
      .register(CertificatesService, services.certificates)
      .register(MaterialsService, services.materials)
      .register(ProjectsService, services.projects);
  }
  const schema = await buildSchema({
    resolvers: [...resolvers],
    authChecker,
    container: services ? container : { get: () => ({}) },
    // Every subscription brings its own `subscribe` (bound to the viewer); type-graphql still wants a PubSub.
    pubSub: {
      publish: () => {
        throw new Error('Publish through the module that owns the events');
      },
      subscribe: () => {
        throw new Error('Every subscription has its own subscribe function');
      },
    },
    validate: false,
  });
  plainFieldsResolveByDefault(schema);
  return schema;
}

/**
 * type-graphql wraps every field in a resolver of its own, even a plain property without
 * authorization or middleware: about a thousand calls per catalog page that only read the
 * property (issue 16). Such fields get graphql's default resolution back, which reads the same
 * property and which compiled queries inline. A field with `@Authorized`, a middleware, arguments,
 * a field resolver or a schema name other than its property keeps type-graphql's resolver.
 */
function plainFieldsResolveByDefault(schema: GraphQLSchema): void {
  const storage = getMetadataStorage();
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    const fields = type.getFields();
    for (const field of objectType.fields ?? []) {
      const plain =
        field.roles === undefined &&
        !field.middlewares?.length &&
        !field.params?.length &&
        field.name === field.schemaName &&
        !storage.fieldResolvers.some((resolver) => resolver.methodName === field.name && resolver.getObjectType?.() === field.target);
      if (plain && fields[field.schemaName]) fields[field.schemaName].resolve = undefined;
    }
  }
}

export function printGraph(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

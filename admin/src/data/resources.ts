// Every resource's documents, without react-admin: the console's dataProvider and the test that
// checks each document against schema.graphql both read them from here.
import { auditLogApi } from '../resources/auditLog/documents';
import { certificatesApi } from '../resources/certificates/documents';
import { euProjectsApi } from '../resources/euProjects/documents';
import { attendanceApi } from '../resources/attendance/documents';
import { apiTokensApi } from '../resources/apiTokens/documents';
import { billingAccountsApi } from '../resources/billingAccounts/documents';
import { courseDemandApi, interestRequestsApi } from '../resources/courseDemand/documents';
import { coursesApi } from '../resources/courses/documents';
import { employeesApi } from '../resources/employees/documents';
import { groupsApi } from '../resources/groups/documents';
import { helpSettingsApi } from '../resources/helpSettings/documents';
import { institutionsApi } from '../resources/institutions/documents';
import { lecturersApi } from '../resources/lecturers/documents';
import { outboxMessagesApi } from '../resources/outboxMessages/documents';
import { placesApi } from '../resources/places/documents';
import { questionnairesApi } from '../resources/questionnaires/documents';
import { knowledgeTestsApi } from '../resources/knowledgeTests/documents';
import { registrationsApi } from '../resources/registrations/documents';
import { peopleApi } from '../resources/people/documents';
import { coordinatorNominationsApi } from '../resources/coordinatorNominations/documents';
import { supportQuestionsApi } from '../resources/supportQuestions/documents';
import { invoicesApi } from '../resources/invoices/documents';
import { sessionsApi } from '../resources/sessions/documents';
import { topicsApi } from '../resources/topics/documents';
import { courseMaterialsApi } from '../resources/courseMaterials/documents';
import type { ResourceApi } from './resourceApi';

/** Every resource the console knows, with its documents. */
export const RESOURCES: Record<string, ResourceApi> = {
  courses: coursesApi,
  topics: topicsApi,
  questionnaires: questionnairesApi,
  knowledgeTests: knowledgeTestsApi,
  groups: groupsApi,
  sessions: sessionsApi,
  lecturers: lecturersApi,
  places: placesApi,
  institutions: institutionsApi,
  employees: employeesApi,
  billingAccounts: billingAccountsApi,
  apiTokens: apiTokensApi,
  outboxMessages: outboxMessagesApi,
  courseDemand: courseDemandApi,
  interestRequests: interestRequestsApi,
  registrations: registrationsApi,
  people: peopleApi,
  auditLog: auditLogApi,
  certificates: certificatesApi,
  euProjects: euProjectsApi,
  courseMaterials: courseMaterialsApi,
  coordinatorNominations: coordinatorNominationsApi,
  supportQuestions: supportQuestionsApi,
  invoices: invoicesApi,
  helpSettings: helpSettingsApi,
  attendance: attendanceApi,
};

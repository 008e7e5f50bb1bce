import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import AssessmentIcon from '@mui/icons-material/Assessment';
import AccountBalanceWalletIcon from '@mui/icons-material/AccountBalanceWallet';
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import BadgeIcon from '@mui/icons-material/Badge';
import CardMembershipIcon from '@mui/icons-material/CardMembership';
import CategoryIcon from '@mui/icons-material/Category';
import EventIcon from '@mui/icons-material/Event';
import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import GroupAddIcon from '@mui/icons-material/GroupAdd';
import GroupsIcon from '@mui/icons-material/Groups';
import HelpIcon from '@mui/icons-material/Help';
import HistoryIcon from '@mui/icons-material/History';
import HowToRegIcon from '@mui/icons-material/HowToReg';
import MailIcon from '@mui/icons-material/Mail';
import PeopleIcon from '@mui/icons-material/People';
import PlaceIcon from '@mui/icons-material/Place';
import PreviewIcon from '@mui/icons-material/Preview';
import QuizIcon from '@mui/icons-material/Quiz';
import QuestionAnswerIcon from '@mui/icons-material/QuestionAnswer';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import RecordVoiceOverIcon from '@mui/icons-material/RecordVoiceOver';
import SchoolIcon from '@mui/icons-material/School';
import GradingIcon from '@mui/icons-material/Grading';
import TrendingUpIcon from '@mui/icons-material/TrendingUp';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import VpnKeyIcon from '@mui/icons-material/VpnKey';
import EuroIcon from '@mui/icons-material/Euro';
import type { ComponentType } from 'react';
import { Resource, type RaRecord } from 'react-admin';
import { isCoordinatorOnly, isLecturer, isStaff } from '../auth/access';
import { SCHOOL_TIME_ZONE } from '../components/rigaTime';
import { ApiTokenCreate, ApiTokenList } from './apiTokens/ApiTokens';
import { AuditLogList } from './auditLog/AuditLog';
import { CertificateList } from './certificates/Certificates';
import { EuProjectCreate, EuProjectEdit, EuProjectList, EuProjectShow } from './euProjects/EuProjects';
import { AttendancePage } from './attendance/AttendancePage';
import { TeachingSessions } from './attendance/TeachingSessions';
import { BillingAccountCreate, BillingAccountEdit, BillingAccountList } from './billingAccounts/BillingAccounts';
import { CoordinatorNominationList } from './coordinatorNominations/CoordinatorNominations';
import { CourseDemandList, CourseDemandShow } from './courseDemand/CourseDemand';
import { CourseMaterialCreate, CourseMaterialEdit, CourseMaterialList } from './courseMaterials/CourseMaterials';
import { CourseCreate, CourseEdit } from './courses/CourseEdit';
import { CourseList } from './courses/CourseList';
import { CourseShow } from './courses/CourseShow';
import { EmployeeImport } from './employees/EmployeeImport';
import { EmployeeCreate, EmployeeList } from './employees/Employees';
import { GroupCreate, GroupEdit } from './groups/GroupEdit';
import { GroupList } from './groups/GroupList';
import { HelpSettingsPage } from './helpSettings/HelpSettingsPage';
import { InstitutionCreate, InstitutionEdit, InstitutionList, InstitutionShow } from './institutions/Institutions';
import { LecturerCreate, LecturerEdit, LecturerList } from './lecturers/Lecturers';
import { NotificationPreviews } from './outboxMessages/NotificationPreviews';
import { OutboxList } from './outboxMessages/OutboxList';
import { OutboxShow } from './outboxMessages/OutboxShow';
import { PeopleList, PersonShow } from './people/People';
import { PlaceCreate, PlaceEdit, PlaceList } from './places/Places';
import { QuestionnaireReports } from './questionnaires/QuestionnaireReports';
import { KnowledgeTestCreate, KnowledgeTestEdit, KnowledgeTestList } from './knowledgeTests/KnowledgeTests';
import { KnowledgeTestResults } from './knowledgeTests/KnowledgeTestResults';
import { QuestionnaireCreate, QuestionnaireEdit, QuestionnaireList } from './questionnaires/Questionnaires';
import { RegisterEmployees } from './registrations/RegisterEmployees';
import { RegistrationList } from './registrations/Registrations';
import { SessionCreate, SessionEdit } from './sessions/SessionEdit';
import { SessionList } from './sessions/SessionList';
import { SupportQuestionList, SupportQuestionShow } from './supportQuestions/SupportQuestions';
import { InvoiceList } from './invoices/Invoices';
import { TopicCreate, TopicEdit, TopicList } from './topics/Topics';

type View = 'list' | 'edit' | 'create' | 'show';

/** One react-admin resource of the console and who sees which of its views. */
interface ConsoleResource {
  name: string;
  icon: ComponentType;
  /** The menu's and the pages' label (a translation key). */
  label: string;
  views: Partial<Record<View, ComponentType>>;
  recordRepresentation?: string | ((record: RaRecord) => string);
  /** Staff and administrators: the views they get; absent: not in their console. */
  staff?: View[];
  /**
   * Coordinators without staff rights: the views, and the place in their menu (their everyday
   * work first). No views: registered only so references to it show names.
   */
  coordinator?: { views: View[]; order: number };
  /** Lecturers (beside any other role): the views; their menu lists their sessions first. */
  lecturer?: View[];
}

const dateTime = (value: unknown) =>
  new Date(String(value)).toLocaleString(document.documentElement.lang === 'en' ? 'en-GB' : 'lv-LV', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: SCHOOL_TIME_ZONE,
  });

const courseName = (course: RaRecord) => `${course.code} · ${course.title}`;
const placeName = (place: RaRecord) => (place.room ? `${place.name}, ${place.room}` : place.name);
const sessionName = (session: RaRecord) => dateTime(session.startsAt);

const ALL: View[] = ['list', 'edit', 'create', 'show'];

/** Every resource, in the staff menu's order. A view a resource has no component for is ignored. */
const RESOURCES: ConsoleResource[] = [
  // A lecturer's own sessions ("Manas nodarbības"), each with its attendance page.
  { name: 'teaching', icon: EventAvailableIcon, label: 'resources.teaching.name', views: { list: TeachingSessions }, lecturer: ['list'] },
  {
    name: 'courses',
    icon: SchoolIcon,
    label: 'resources.courses.name',
    views: { list: CourseList, edit: CourseEdit, create: CourseCreate, show: CourseShow },
    recordRepresentation: courseName,
    staff: ALL,
    coordinator: { views: ['list', 'show'], order: 6 },
  },
  {
    name: 'courseMaterials',
    icon: AttachFileIcon,
    label: 'resources.courseMaterials.name',
    views: { list: CourseMaterialList, edit: CourseMaterialEdit, create: CourseMaterialCreate },
    recordRepresentation: 'titleLv',
    staff: ['list', 'edit', 'create'],
  },
  { name: 'courseDemand', icon: TrendingUpIcon, label: 'resources.courseDemand.name', views: { list: CourseDemandList, show: CourseDemandShow }, staff: ALL },
  {
    name: 'groups',
    icon: GroupsIcon,
    label: 'resources.groups.name',
    views: { list: GroupList, edit: GroupEdit, create: GroupCreate },
    recordRepresentation: 'code',
    staff: ALL,
  },
  {
    name: 'registrations',
    icon: AssignmentIndIcon,
    label: 'resources.registrations.name',
    views: { list: RegistrationList },
    staff: ALL,
    coordinator: { views: ALL, order: 1 },
  },
  {
    name: 'registerEmployees',
    icon: GroupAddIcon,
    label: 'resources.registerEmployees.name',
    views: { list: RegisterEmployees },
    staff: ALL,
    coordinator: { views: ALL, order: 2 },
  },
  {
    name: 'sessions',
    icon: EventIcon,
    label: 'resources.sessions.name',
    views: { list: SessionList, edit: SessionEdit, create: SessionCreate },
    recordRepresentation: sessionName,
    staff: ALL,
  },
  // A session's attendance (R-AFT-5): /attendance/<session id>, opened from a group's sessions or "Manas nodarbības".
  { name: 'attendance', icon: FactCheckIcon, label: 'resources.attendance.name', views: { edit: AttendancePage }, staff: ['edit'], lecturer: ['edit'] },
  // Evaluation questionnaires (R-AFT-1) and their answers without names (R-AFT-2).
  {
    name: 'questionnaires',
    icon: QuizIcon,
    label: 'resources.questionnaires.name',
    views: { list: QuestionnaireList, edit: QuestionnaireEdit, create: QuestionnaireCreate },
    recordRepresentation: 'title',
    staff: ALL,
  },
  {
    name: 'euProjects',
    icon: EuroIcon,
    label: 'resources.euProjects.name',
    views: { list: EuProjectList, create: EuProjectCreate, edit: EuProjectEdit, show: EuProjectShow },
    recordRepresentation: 'code',
    staff: ALL,
  },
  { name: 'questionnaireReports', icon: AssessmentIcon, label: 'resources.questionnaireReports.name', views: { list: QuestionnaireReports }, staff: ['list'] },
  // Knowledge tests (R-AFT-4) and their results per test or group.
  {
    name: 'knowledgeTests',
    icon: SchoolIcon,
    label: 'resources.knowledgeTests.name',
    views: { list: KnowledgeTestList, edit: KnowledgeTestEdit, create: KnowledgeTestCreate },
    recordRepresentation: 'titleLv',
    staff: ALL,
  },
  { name: 'knowledgeTestResults', icon: GradingIcon, label: 'resources.knowledgeTestResults.name', views: { list: KnowledgeTestResults }, staff: ['list'] },
  {
    name: 'topics',
    icon: CategoryIcon,
    label: 'resources.topics.name',
    views: { list: TopicList, edit: TopicEdit, create: TopicCreate },
    recordRepresentation: 'name',
    staff: ALL,
    coordinator: { views: [], order: 7 },
  },
  {
    name: 'lecturers',
    icon: RecordVoiceOverIcon,
    label: 'resources.lecturers.name',
    views: { list: LecturerList, edit: LecturerEdit, create: LecturerCreate },
    recordRepresentation: 'name',
    staff: ALL,
  },
  {
    name: 'places',
    icon: PlaceIcon,
    label: 'resources.places.name',
    views: { list: PlaceList, edit: PlaceEdit, create: PlaceCreate },
    recordRepresentation: placeName,
    staff: ALL,
  },
  {
    name: 'institutions',
    icon: AccountBalanceIcon,
    label: 'resources.institutions.name',
    views: { list: InstitutionList, edit: InstitutionEdit, create: InstitutionCreate, show: InstitutionShow },
    recordRepresentation: 'name',
    // Staff edit institutions; a coordinator reads their own.
    staff: ['list', 'edit', 'create'],
    coordinator: { views: ['list', 'show'], order: 8 },
  },
  {
    name: 'employees',
    icon: BadgeIcon,
    label: 'resources.employees.name',
    views: { list: EmployeeList, create: EmployeeCreate },
    recordRepresentation: 'fullName',
    staff: ALL,
    coordinator: { views: ALL, order: 3 },
  },
  {
    name: 'employeeImport',
    icon: UploadFileIcon,
    label: 'resources.employeeImport.name',
    views: { list: EmployeeImport },
    staff: ALL,
    coordinator: { views: ALL, order: 4 },
  },
  {
    name: 'billingAccounts',
    icon: AccountBalanceWalletIcon,
    label: 'resources.billingAccounts.name',
    views: { list: BillingAccountList, edit: BillingAccountEdit, create: BillingAccountCreate },
    recordRepresentation: 'name',
    staff: ALL,
    coordinator: { views: ALL, order: 5 },
  },
  {
    name: 'invoices',
    icon: ReceiptLongIcon,
    label: 'resources.invoices.name',
    views: { list: InvoiceList },
    recordRepresentation: 'number',
    staff: ['list'],
    coordinator: { views: ['list'], order: 9 },
  },
  {
    name: 'supportQuestions',
    icon: QuestionAnswerIcon,
    label: 'resources.supportQuestions.name',
    views: { list: SupportQuestionList, show: SupportQuestionShow },
    recordRepresentation: 'name',
    staff: ALL,
  },
  {
    name: 'coordinatorNominations',
    icon: HowToRegIcon,
    label: 'resources.coordinatorNominations.name',
    views: { list: CoordinatorNominationList },
    staff: ALL,
  },
  {
    name: 'people',
    icon: PeopleIcon,
    label: 'resources.people.name',
    views: { list: PeopleList, show: PersonShow },
    recordRepresentation: 'fullName',
    staff: ALL,
  },
  // Certificates issued (R-AFT-3): staff revoke one with a reason.
  {
    name: 'certificates',
    icon: CardMembershipIcon,
    label: 'resources.certificates.name',
    views: { list: CertificateList },
    recordRepresentation: 'number',
    staff: ['list'],
  },
  // The audit log (R-NF-3): read only.
  { name: 'auditLog', icon: HistoryIcon, label: 'resources.auditLog.name', views: { list: AuditLogList }, staff: ['list'] },
  {
    name: 'apiTokens',
    icon: VpnKeyIcon,
    label: 'resources.apiTokens.name',
    views: { list: ApiTokenList, create: ApiTokenCreate },
    recordRepresentation: 'name',
    staff: ALL,
  },
  {
    name: 'outboxMessages',
    icon: MailIcon,
    label: 'resources.outboxMessages.name',
    views: { list: OutboxList, show: OutboxShow },
    recordRepresentation: 'subject',
    staff: ALL,
  },
  { name: 'notificationPreviews', icon: PreviewIcon, label: 'resources.notificationPreviews.name', views: { list: NotificationPreviews }, staff: ALL },
  { name: 'helpSettings', icon: HelpIcon, label: 'resources.helpSettings.name', views: { list: HelpSettingsPage }, staff: ALL },
];

const render = (resource: ConsoleResource, views: View[]) => {
  const shown = Object.fromEntries(views.filter((view) => resource.views[view]).map((view) => [view, resource.views[view]]));
  return (
    <Resource
      key={resource.name}
      name={resource.name}
      icon={resource.icon}
      options={{ label: resource.label }}
      recordRepresentation={resource.recordRepresentation}
      {...shown}
    />
  );
};

/** The views of a role's own and a lecturer's, merged: a coordinator or staff member may also teach. */
const withLecturerViews = (roles: unknown, resource: ConsoleResource, views: View[] | undefined): View[] => [
  ...new Set([...(views ?? []), ...(isLecturer(roles) ? (resource.lecturer ?? []) : [])]),
];

/**
 * What each role may open: staff plan everything; a coordinator manages their institutions' employees
 * and accounts; a lecturer sees their sessions and marks attendance.
 */
export const resourcesFor = (roles: unknown) => {
  if (isStaff(roles)) {
    return RESOURCES.flatMap((resource) => {
      const views = withLecturerViews(roles, resource, resource.staff);
      return views.length ? [render(resource, views)] : [];
    });
  }
  // A coordinator's console: their institutions' employees, their registrations and billing accounts, and the catalog to read.
  const coordinator = isCoordinatorOnly(roles);
  const shown = RESOURCES.flatMap((resource) => {
    const views = withLecturerViews(roles, resource, coordinator ? resource.coordinator?.views : undefined);
    const registeredOnly = coordinator && resource.coordinator && resource.coordinator.views.length === 0;
    return views.length || registeredOnly ? [{ resource, views, order: resource.coordinator?.order ?? 0 }] : [];
  });
  return shown.sort((a, b) => a.order - b.order).map(({ resource, views }) => render(resource, views));
};

import CategoryIcon from '@mui/icons-material/Category';
import EventIcon from '@mui/icons-material/Event';
import GroupsIcon from '@mui/icons-material/Groups';
import MailIcon from '@mui/icons-material/Mail';
import PreviewIcon from '@mui/icons-material/Preview';
import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import AccountBalanceWalletIcon from '@mui/icons-material/AccountBalanceWallet';
import BadgeIcon from '@mui/icons-material/Badge';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import PlaceIcon from '@mui/icons-material/Place';
import RecordVoiceOverIcon from '@mui/icons-material/RecordVoiceOver';
import SchoolIcon from '@mui/icons-material/School';
import VpnKeyIcon from '@mui/icons-material/VpnKey';
import TrendingUpIcon from '@mui/icons-material/TrendingUp';
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import GroupAddIcon from '@mui/icons-material/GroupAdd';
import HowToRegIcon from '@mui/icons-material/HowToReg';
import PeopleIcon from '@mui/icons-material/People';
import QuestionAnswerIcon from '@mui/icons-material/QuestionAnswer';
import HelpIcon from '@mui/icons-material/Help';
import { Admin, Resource, localStorageStore, type RaRecord } from 'react-admin';
import { createApolloClient } from './apollo';
import { SCHOOL_TIME_ZONE } from './components/rigaTime';
import { isCoordinatorOnly, isStaff } from './auth/access';
import { createAuthProvider } from './auth/authProvider';
import { createDataProvider } from './data/dataProvider';
import { createI18nProvider } from './i18n/i18nProvider';
import { AppLayout, ConsoleLoadingPage } from './layout/AppLayout';
import { Dashboard } from './layout/Dashboard';
import { NotFound } from './layout/NotFound';
import { theme } from './layout/theme';
import { ApiTokenCreate, ApiTokenList } from './resources/apiTokens/ApiTokens';
import { CourseDemandList, CourseDemandShow } from './resources/courseDemand/CourseDemand';
import { CourseCreate, CourseEdit } from './resources/courses/CourseEdit';
import { CourseList } from './resources/courses/CourseList';
import { CourseShow } from './resources/courses/CourseShow';
import { GroupCreate, GroupEdit } from './resources/groups/GroupEdit';
import { GroupList } from './resources/groups/GroupList';
import { BillingAccountCreate, BillingAccountEdit, BillingAccountList } from './resources/billingAccounts/BillingAccounts';
import { EmployeeImport } from './resources/employees/EmployeeImport';
import { EmployeeCreate, EmployeeList } from './resources/employees/Employees';
import { InstitutionCreate, InstitutionEdit, InstitutionList, InstitutionShow } from './resources/institutions/Institutions';
import { LecturerCreate, LecturerEdit, LecturerList } from './resources/lecturers/Lecturers';
import { NotificationPreviews } from './resources/outboxMessages/NotificationPreviews';
import { OutboxList } from './resources/outboxMessages/OutboxList';
import { OutboxShow } from './resources/outboxMessages/OutboxShow';
import { PlaceCreate, PlaceEdit, PlaceList } from './resources/places/Places';
import { RegisterEmployees } from './resources/registrations/RegisterEmployees';
import { CoordinatorNominationList } from './resources/coordinatorNominations/CoordinatorNominations';
import { PeopleList, PersonShow } from './resources/people/People';
import { SupportQuestionList, SupportQuestionShow } from './resources/supportQuestions/SupportQuestions';
import { HelpSettingsPage } from './resources/helpSettings/HelpSettingsPage';
import { RegistrationList } from './resources/registrations/Registrations';
import { SessionCreate, SessionEdit } from './resources/sessions/SessionEdit';
import { SessionList } from './resources/sessions/SessionList';
import { TopicCreate, TopicEdit, TopicList } from './resources/topics/Topics';

const i18nProvider = createI18nProvider();
const apollo = createApolloClient(() => i18nProvider.getLocale());
const dataProvider = createDataProvider(apollo, i18nProvider.translate);
const authProvider = createAuthProvider(apollo);
// Separate from anything else stored for this origin (the portal lives on the same one).
const store = localStorageStore('1', 'mps-admin');

const dateTime = (value: unknown) =>
  new Date(String(value)).toLocaleString(document.documentElement.lang === 'en' ? 'en-GB' : 'lv-LV', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', timeZone: SCHOOL_TIME_ZONE });

const courseName = (course: RaRecord) => `${course.code} · ${course.title}`;
const placeName = (place: RaRecord) => (place.room ? `${place.name}, ${place.room}` : place.name);
const sessionName = (session: RaRecord) => dateTime(session.startsAt);

/** What each role may open: staff plan everything; a coordinator manages their institutions' employees and accounts. */
const resourcesFor = (roles: unknown) => {
  if (isStaff(roles)) {
    return [
      <Resource key="courses" name="courses" icon={SchoolIcon} list={CourseList} edit={CourseEdit} create={CourseCreate} show={CourseShow} recordRepresentation={courseName} />,
      <Resource key="courseDemand" name="courseDemand" icon={TrendingUpIcon} list={CourseDemandList} show={CourseDemandShow} />,
      <Resource key="groups" name="groups" icon={GroupsIcon} list={GroupList} edit={GroupEdit} create={GroupCreate} recordRepresentation="code" />,
      <Resource key="registrations" name="registrations" icon={AssignmentIndIcon} list={RegistrationList} />,
      <Resource key="registerEmployees" name="registerEmployees" icon={GroupAddIcon} list={RegisterEmployees} />,
      <Resource key="sessions" name="sessions" icon={EventIcon} list={SessionList} edit={SessionEdit} create={SessionCreate} recordRepresentation={sessionName} />,
      <Resource key="topics" name="topics" icon={CategoryIcon} list={TopicList} edit={TopicEdit} create={TopicCreate} recordRepresentation="name" />,
      <Resource key="lecturers" name="lecturers" icon={RecordVoiceOverIcon} list={LecturerList} edit={LecturerEdit} create={LecturerCreate} recordRepresentation="name" />,
      <Resource key="places" name="places" icon={PlaceIcon} list={PlaceList} edit={PlaceEdit} create={PlaceCreate} recordRepresentation={placeName} />,
      <Resource key="institutions" name="institutions" icon={AccountBalanceIcon} list={InstitutionList} edit={InstitutionEdit} create={InstitutionCreate} recordRepresentation="name" />,
      <Resource key="employees" name="employees" icon={BadgeIcon} list={EmployeeList} create={EmployeeCreate} recordRepresentation="fullName" />,
      <Resource key="employeeImport" name="employeeImport" icon={UploadFileIcon} list={EmployeeImport} />,
      <Resource key="billingAccounts" name="billingAccounts" icon={AccountBalanceWalletIcon} list={BillingAccountList} edit={BillingAccountEdit} create={BillingAccountCreate} recordRepresentation="name" />,
      <Resource key="supportQuestions" name="supportQuestions" icon={QuestionAnswerIcon} list={SupportQuestionList} show={SupportQuestionShow} recordRepresentation="name" />,
      <Resource key="coordinatorNominations" name="coordinatorNominations" icon={HowToRegIcon} list={CoordinatorNominationList} />,
      <Resource key="people" name="people" icon={PeopleIcon} list={PeopleList} show={PersonShow} recordRepresentation="fullName" />,
      <Resource key="apiTokens" name="apiTokens" icon={VpnKeyIcon} list={ApiTokenList} create={ApiTokenCreate} recordRepresentation="name" />,
      <Resource key="outboxMessages" name="outboxMessages" icon={MailIcon} list={OutboxList} show={OutboxShow} recordRepresentation="subject" />,
      <Resource key="notificationPreviews" name="notificationPreviews" icon={PreviewIcon} list={NotificationPreviews} />,
      <Resource key="helpSettings" name="helpSettings" icon={HelpIcon} list={HelpSettingsPage} />,
    ];
  }
  // A coordinator's console: their institutions' employees, their registrations and billing accounts, and the catalog to read.
  if (isCoordinatorOnly(roles)) {
    return [
      <Resource key="registrations" name="registrations" icon={AssignmentIndIcon} list={RegistrationList} />,
      <Resource key="registerEmployees" name="registerEmployees" icon={GroupAddIcon} list={RegisterEmployees} />,
      <Resource key="employees" name="employees" icon={BadgeIcon} list={EmployeeList} create={EmployeeCreate} recordRepresentation="fullName" />,
      <Resource key="employeeImport" name="employeeImport" icon={UploadFileIcon} list={EmployeeImport} />,
      <Resource key="billingAccounts" name="billingAccounts" icon={AccountBalanceWalletIcon} list={BillingAccountList} edit={BillingAccountEdit} create={BillingAccountCreate} recordRepresentation="name" />,
      <Resource key="courses" name="courses" icon={SchoolIcon} list={CourseList} show={CourseShow} recordRepresentation={courseName} />,
      <Resource key="topics" name="topics" recordRepresentation="name" />,
      <Resource key="institutions" name="institutions" icon={AccountBalanceIcon} list={InstitutionList} show={InstitutionShow} recordRepresentation="name" />,
    ];
  }
  return [];
};

export const App = () => (
  // Hash routing (/admin/#/courses/…): deep links work without the server knowing the console's routes.
  <Admin
    title="mps.app.title"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    store={store}
    layout={AppLayout}
    loading={ConsoleLoadingPage}
    theme={theme}
    dashboard={Dashboard}
    catchAll={NotFound}
    loginPage={false}
    requireAuth
    disableTelemetry
  >
    {resourcesFor}
  </Admin>
);

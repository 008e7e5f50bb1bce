/** Enum values of the API as react-admin choices; their labels are translation keys (`mps.enums.*`). */
const choices = (enumName: string, values: string[]) => values.map((id) => ({ id, name: `mps.enums.${enumName}.${id}` }));

export const FORMAT_CHOICES = choices('CourseFormat', ['IN_PERSON', 'ONLINE', 'HYBRID']);
export const LANGUAGE_CHOICES = choices('InstructionLanguage', ['LV', 'EN', 'RU']);
export const VISIBILITY_CHOICES = choices('CourseVisibility', ['PUBLIC', 'RESTRICTED']);
export const GROUP_STATUS_CHOICES = choices('GroupStatus', ['PLANNED', 'OPEN', 'CONFIRMED', 'COMPLETED', 'CANCELLED']);
export const EU_FUND_CHOICES = choices('EuFund', ['ESF_PLUS', 'ERAF', 'CF', 'RRF', 'OTHER']);
export const PRICE_CHOICES = choices('PriceKind', ['FREE', 'PAID']);
export const API_SCOPE_CHOICES = choices('ApiScope', ['CATALOG_READ', 'EMPLOYEES_READ', 'REGISTRATIONS_READ']);
export const API_TOKEN_STATE_CHOICES = choices('ApiTokenState', ['ACTIVE', 'INACTIVE']);
export const EMPLOYMENT_STATE_CHOICES = choices('EmploymentState', ['CURRENT', 'ENDED']);
export const EMPLOYMENT_SOURCE_CHOICES = choices('EmploymentSource', ['COORDINATOR', 'IMPORT', 'STAFF', 'SELF']);
export const OUTBOX_STATUS_CHOICES = choices('OutboxStatus', ['PENDING', 'SENDING', 'SENT', 'FAILED']);
export const NOTIFICATION_KIND_CHOICES = choices('NotificationKind', [
  'SCHEDULE_CHANGED',
  'GROUP_CANCELLED',
  'GROUP_CONFIRMED',
  'LECTURER_ASSIGNED',
  'LECTURER_REMOVED',
  'REGISTRATION_RECEIVED',
  'REGISTRATION_WAITING',
  'REGISTRATION_MOVED_UP',
  'REGISTRATION_CANCELLED',
  'EMPLOYEE_REGISTRATIONS',
  'INTEREST_GROUP_PUBLISHED',
  'COORDINATOR_NOMINATION_RECEIVED',
  'COORDINATOR_NOMINATION_DECIDED',
  'SUPPORT_ANSWERED',
  'SESSION_REMINDER',
  'INVOICE_ISSUED',
  'QUESTIONNAIRE_INVITATION',
  'QUESTIONNAIRE_REMINDER',
  'CERTIFICATE_ISSUED',
  'TEST_INVITATION',
]);
export const EMAIL_LANGUAGE_CHOICES = choices('Language', ['LV', 'EN']);
export const REGISTRATION_STATUS_CHOICES = choices('RegistrationStatus', ['CONFIRMED', 'WAITING', 'CANCELLED']);
export const ROLE_CHOICES = choices('UserRole', ['STAFF', 'ADMIN', 'COORDINATOR', 'LECTURER']);
export const NOMINATION_STATUS_CHOICES = choices('NominationStatus', ['PENDING', 'APPROVED', 'REFUSED', 'WITHDRAWN']);
export const QUESTION_STATUS_CHOICES = choices('QuestionStatus', ['OPEN', 'ANSWERED', 'CLOSED']);
export const INVOICE_STATUS_CHOICES = choices('InvoiceStatus', ['DRAFT', 'ISSUED', 'SENT', 'PAID', 'CANCELLED']);
export const TEST_QUESTION_KIND_CHOICES = choices('TestQuestionKind', ['SINGLE', 'MULTIPLE']);
export const QUESTION_KIND_CHOICES = choices('QuestionKind', ['SCALE', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'TEXT']);
export const AUDIT_ACTION_CHOICES = choices('AuditAction', ['INSERT', 'UPDATE', 'DELETE', 'READ', 'EXPORT', 'ERASE']);
/** The audited tables (the audit-log migration's list). */
export const AUDIT_ENTITY_CHOICES = choices('AuditEntity', [
  'person',
  'person_code',
  'person_role',
  'institution',
  'institution_coordinator',
  'employment',
  'billing_account',
  'registration',
  'invoice',
  'invoice_line',
  'api_token',
  'certificate',
]);
/** E-invoice address schemes (EAS); labels say what each is. */
export const EAS_SCHEME_CHOICES = choices('EasScheme', ['0218', '9939', '0088', '0192', '0007', 'EM']);

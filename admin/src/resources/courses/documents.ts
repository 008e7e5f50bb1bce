import { crudOperations } from '../../data/crud';
import { graphql } from '../../gql';
import { centsToEuro, euroToCents, passFilters, pick, textOrEmpty, type ResourceApi, type Values } from '../../data/resourceApi';

const COURSE_ROW = graphql(`
  fragment CourseRow on Course {
    id
    code
    title
    titleLv
    titleEn
    topicId
    format
    language
    hours
    priceCents
    reminderDaysBefore
    minAttendancePercent
    visibility
    hasDate
    nextSessionStartsAt
  }
`);

const COURSE_DETAIL = graphql(`
  fragment CourseDetail on Course {
    ...CourseRow
    summaryLv
    summaryEn
    descriptionLv
    descriptionEn
    targetAudienceLv
    targetAudienceEn
    questionnaireId
    questionnaireReminders
    euProjectId
    createdAt
    updatedAt
    allowedInstitutions {
      id
    }
  }
`);

const TEXTS = ['titleLv', 'titleEn', 'summaryLv', 'summaryEn', 'descriptionLv', 'descriptionEn', 'targetAudienceLv', 'targetAudienceEn'];

export const coursesApi: ResourceApi = {
  ...crudOperations({
    row: COURSE_ROW,
    detail: COURSE_DETAIL,
    list: { field: 'courses', filter: 'CourseFilter', args: { sort: 'CourseSort' } },
    one: 'course',
    input: 'CourseInput',
    create: 'createCourse',
    update: 'updateCourse',
  }),
  sortFields: {
    code: 'CODE',
    title: 'TITLE',
    hours: 'HOURS',
    priceEuro: 'PRICE',
    nextSessionStartsAt: 'NEXT_DATE',
    createdAt: 'CREATED_AT',
  },
  filter: (values) => passFilters(values, ['q', 'topicId', 'format', 'language', 'visibility', 'price', 'hasDate', 'month']),
  toRecord: (item: Values) => ({
    ...item,
    priceEuro: centsToEuro(item.priceCents),
    ...(Array.isArray(item.allowedInstitutions)
      ? { allowedInstitutionIds: (item.allowedInstitutions as { id: string }[]).map((institution) => institution.id) }
      : {}),
  }),
  toInput: (values) => ({
    ...pick(
      values,
      [
        'code',
        'topicId',
        'format',
        'language',
        'hours',
        'reminderDaysBefore',
        'minAttendancePercent',
        'questionnaireId',
        'questionnaireReminders',
        'euProjectId',
        'visibility',
        'allowedInstitutionIds',
        ...TEXTS,
      ],
      {
        code: (value) => textOrEmpty(value).trim(),
        hours: (value) => (value === '' || value === null ? null : Number(value)),
        reminderDaysBefore: (value) => (value === '' || value === null ? null : Number(value)),
        minAttendancePercent: (value) => (value === '' || value === null ? null : Number(value)),
        // "" takes the questionnaire away (null would leave it unchanged).
        questionnaireId: (value) => (value ? String(value) : ''),
        questionnaireReminders: (value) => (value === '' || value === null ? null : Number(value)),
        // "" takes the project away (null would leave it unchanged).
        euProjectId: (value) => (value ? String(value) : ''),
        allowedInstitutionIds: (value) => (Array.isArray(value) ? value : []),
        ...Object.fromEntries(TEXTS.map((key) => [key, textOrEmpty])),
      },
    ),
    ...('priceEuro' in values ? { priceCents: euroToCents(values.priceEuro) } : {}),
  }),
  formFields: { priceCents: 'priceEuro' },
};

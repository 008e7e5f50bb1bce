import { crudOperations } from '../../data/crud';
import { graphql } from '../../gql';
import { passFilters, pick, textOrEmpty, trimmedOrNull, type ResourceApi, type Values } from '../../data/resourceApi';

const QUESTIONNAIRE = graphql(`
  fragment QuestionnaireRow on Questionnaire {
    id
    title
    updatedAt
    versions {
      id
      number
      publishedAt
      questions {
        id
        kind
        textLv
        textEn
        required
        options {
          id
          textLv
          textEn
        }
      }
    }
  }
`);

/** Question kinds whose answer is one of the options or several of them. */
export const CHOICE_KINDS = ['SINGLE_CHOICE', 'MULTIPLE_CHOICE'];

interface Version {
  number: number;
  publishedAt: string | null;
  questions: Values[];
}

/**
 * The API keeps versions (R-AFT-1): a published one never changes. The form edits the draft when
 * there is one, else the newest published version's questions, which saving turns into a new draft.
 */
function toRecord(item: Values): Values {
  const versions = (item.versions ?? []) as Version[];
  const draft = versions.find((v) => !v.publishedAt) ?? null;
  const published = versions.find((v) => !!v.publishedAt) ?? null;
  return {
    ...item,
    questions: (draft ?? published)?.questions ?? [],
    draftNumber: draft?.number ?? null,
    publishedNumber: published?.number ?? null,
    publishedAt: published?.publishedAt ?? null,
    questionCount: ((draft ?? published)?.questions ?? []).length,
  };
}

const option = (value: unknown) => {
  const o = (value ?? {}) as Values;
  return { id: o.id || null, textLv: textOrEmpty(o.textLv).trim(), textEn: trimmedOrNull(o.textEn) };
};

const question = (value: unknown) => {
  const q = (value ?? {}) as Values;
  const kind = textOrEmpty(q.kind);
  return {
    id: q.id || null,
    kind,
    textLv: textOrEmpty(q.textLv).trim(),
    textEn: trimmedOrNull(q.textEn),
    required: q.required === true,
    // Scale and text questions have no options, whatever the form kept from an earlier kind.
    options: CHOICE_KINDS.includes(kind) ? ((q.options ?? []) as unknown[]).map(option) : null,
  };
};

/** Evaluation questionnaires (R-AFT-1): staff write them, publish versions and read the answers, without names (R-AFT-2). */
export const questionnairesApi: ResourceApi = {
  ...crudOperations({
    row: QUESTIONNAIRE,
    list: { field: 'questionnaires', filter: 'QuestionnaireFilter' },
    one: 'questionnaire',
    input: 'QuestionnaireInput',
    create: 'createQuestionnaire',
    update: 'updateQuestionnaire',
  }),
  filter: (values) => passFilters(values, ['q']),
  toRecord,
  toInput: (values) =>
    pick(values, ['title', 'questions'], {
      title: (value) => textOrEmpty(value).trim(),
      questions: (value) => ((value ?? []) as unknown[]).map(question),
    }),
  // QuestionnaireInput needs the title and the questions, also on update.
  fullUpdate: true,
  actions: {
    publish: {
      field: 'publishQuestionnaire',
      document: graphql(`
        mutation AdminPublishQuestionnaire($id: ID!) {
          publishQuestionnaire(id: $id) {
            ...QuestionnaireRow
          }
        }
      `),
    },
  },
  queries: {
    report: {
      field: 'questionnaireReport',
      document: graphql(`
        query AdminQuestionnaireReport($filter: QuestionnaireReportFilter!) {
          questionnaireReport(filter: $filter) {
            invited
            responses
            versions {
              questionnaireTitle
              responses
              version {
                id
                number
                publishedAt
              }
              questions {
                question {
                  id
                  kind
                  textLv
                  textEn
                }
                answered
                average
                distribution
                options {
                  option {
                    id
                    textLv
                    textEn
                  }
                  count
                }
                texts
              }
            }
          }
        }
      `),
    },
  },
};

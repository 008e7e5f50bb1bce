import { crudOperations } from '../../data/crud';
import { graphql } from '../../gql';
import { numberOrNull, passFilters, pick, textOrEmpty, trimmedOrNull, type ResourceApi, type Values } from '../../data/resourceApi';

const KNOWLEDGE_TEST = graphql(`
  fragment KnowledgeTestRow on KnowledgeTest {
    id
    titleLv
    titleEn
    instructionsLv
    instructionsEn
    passPercent
    attemptsAllowed
    timeLimitMinutes
    publishedAt
    hasAttempts
    updatedAt
    questions {
      id
      kind
      textLv
      textEn
      points
      options {
        id
        textLv
        textEn
        correct
      }
    }
  }
`);

const option = (value: unknown) => {
  const o = (value ?? {}) as Values;
  return { id: o.id || null, textLv: textOrEmpty(o.textLv).trim(), textEn: trimmedOrNull(o.textEn), correct: o.correct === true };
};

const question = (value: unknown) => {
  const q = (value ?? {}) as Values;
  return {
    id: q.id || null,
    kind: textOrEmpty(q.kind),
    textLv: textOrEmpty(q.textLv).trim(),
    textEn: trimmedOrNull(q.textEn),
    points: numberOrNull(q.points),
    options: ((q.options ?? []) as unknown[]).map(option),
  };
};

/** Knowledge tests (R-AFT-4): staff write them, publish them, invite groups and read the results. */
export const knowledgeTestsApi: ResourceApi = {
  ...crudOperations({
    row: KNOWLEDGE_TEST,
    list: { field: 'knowledgeTests', filter: 'KnowledgeTestFilter' },
    one: 'knowledgeTest',
    input: 'KnowledgeTestInput',
    create: 'createKnowledgeTest',
    update: 'updateKnowledgeTest',
  }),
  filter: (values) => passFilters(values, ['q']),
  toRecord: (item) => ({ ...item, questionCount: Array.isArray(item.questions) ? item.questions.length : 0 }),
  toInput: (values) =>
    pick(values, ['titleLv', 'titleEn', 'instructionsLv', 'instructionsEn', 'passPercent', 'attemptsAllowed', 'timeLimitMinutes', 'questions'], {
      titleLv: (value) => textOrEmpty(value).trim(),
      titleEn: trimmedOrNull,
      instructionsLv: trimmedOrNull,
      instructionsEn: trimmedOrNull,
      passPercent: numberOrNull,
      attemptsAllowed: numberOrNull,
      timeLimitMinutes: numberOrNull,
      questions: (value) => ((value ?? []) as unknown[]).map(question),
    }),
  // KnowledgeTestInput needs every field, also on update.
  fullUpdate: true,
  actions: {
    publish: {
      field: 'publishKnowledgeTest',
      document: graphql(`
        mutation AdminPublishKnowledgeTest($id: ID!) {
          publishKnowledgeTest(id: $id) {
            ...KnowledgeTestRow
          }
        }
      `),
    },
  },
  mutations: {
    inviteGroup: {
      field: 'inviteGroupToKnowledgeTest',
      document: graphql(`
        mutation AdminInviteGroupToKnowledgeTest($testId: ID!, $groupId: ID!) {
          inviteGroupToKnowledgeTest(testId: $testId, groupId: $groupId) {
            invited
            alreadyInvited
          }
        }
      `),
    },
  },
  queries: {
    results: {
      field: 'knowledgeTestResults',
      document: graphql(`
        query AdminKnowledgeTestResults($filter: KnowledgeTestResultFilter!) {
          knowledgeTestResults(filter: $filter, perPage: 100) {
            total
            items {
              id
              testId
              testTitle
              personId
              personName
              groupId
              groupCode
              invitedAt
              attempts
              bestScore
              maxScore
              passed
            }
          }
        }
      `),
    },
  },
};

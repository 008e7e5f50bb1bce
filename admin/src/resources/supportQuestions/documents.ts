import { crudOperations } from '../../data/crud';
import { graphql } from '../../gql';
import { passFilters, type ResourceApi, type Values } from '../../data/resourceApi';

const QUESTION = graphql(`
  fragment QuestionRow on SupportQuestion {
    id
    name
    email
    language
    text
    status
    answer
    answeredAt
    closedAt
    createdAt
    course {
      id
      code
      title
    }
    assignedTo {
      id
      fullName
    }
    answeredBy {
      id
      fullName
    }
  }
`);

/** Staff: questions people sent through the portal (R-SUP-1), to take, answer and close. */
export const supportQuestionsApi: ResourceApi = {
  ...crudOperations({ row: QUESTION, list: { field: 'supportQuestions', filter: 'QuestionFilter' } }),
  filter: (values) => passFilters(values, ['status', 'mine']),
  // `ids` (added by the provider) reads one question for its page.
  toRecord: (item: Values) => {
    const course = item.course as Values | null;
    const assignedTo = item.assignedTo as Values | null;
    const answeredBy = item.answeredBy as Values | null;
    return {
      ...item,
      courseTitle: course ? `${course.code} · ${course.title}` : null,
      assignedToName: assignedTo?.fullName ?? null,
      assignedToId: assignedTo?.id ?? null,
      answeredByName: answeredBy?.fullName ?? null,
    };
  },
  toInput: () => ({}),
  actions: {
    assign: {
      field: 'assignQuestion',
      document: graphql(`
        mutation AdminAssignQuestion($id: ID!) {
          assignQuestion(id: $id) {
            ...QuestionRow
          }
        }
      `),
    },
    answer: {
      field: 'answerQuestion',
      document: graphql(`
        mutation AdminAnswerQuestion($id: ID!, $answer: String!) {
          answerQuestion(id: $id, answer: $answer) {
            ...QuestionRow
          }
        }
      `),
    },
    close: {
      field: 'closeQuestion',
      document: graphql(`
        mutation AdminCloseQuestion($id: ID!) {
          closeQuestion(id: $id) {
            ...QuestionRow
          }
        }
      `),
    },
  },
};

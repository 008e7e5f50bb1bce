import { graphql } from '../gql';

export const MyQuestionnairesQuery = graphql(`
  query MyQuestionnaires {
    myQuestionnaires {
      groupId
      groupCode
      courseTitle
      completed
    }
  }
`);

export const MyQuestionnaireQuery = graphql(`
  query MyQuestionnaire($groupId: ID!) {
    myQuestionnaire(groupId: $groupId) {
      groupId
      groupCode
      courseTitle
      completed
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

export const SubmitQuestionnaireMutation = graphql(`
  mutation SubmitQuestionnaire($groupId: ID!, $answers: [AnswerInput!]!) {
    submitQuestionnaire(groupId: $groupId, answers: $answers) {
      groupId
      completed
    }
  }
`);

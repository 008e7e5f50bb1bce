import { graphql } from '../gql';

export const MyKnowledgeTestsQuery = graphql(`
  query MyKnowledgeTests {
    myKnowledgeTests {
      id
      title
      groupCode
      courseTitle
      canStart
      best {
        id
        score
        maxScore
        passed
      }
    }
  }
`);

export const MyKnowledgeTestQuery = graphql(`
  query MyKnowledgeTest($id: ID!) {
    myKnowledgeTest(id: $id) {
      id
      title
      instructions
      groupCode
      courseTitle
      passPercent
      attemptsAllowed
      timeLimitMinutes
      maxScore
      canStart
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
        }
      }
      attempts {
        ...AttemptFields
      }
      best {
        ...AttemptFields
      }
    }
  }
`);

export const AttemptFieldsFragment = graphql(`
  fragment AttemptFields on KnowledgeTestAttempt {
    id
    number
    startedAt
    deadlineAt
    submittedAt
    closedBy
    score
    maxScore
    passed
    answers {
      questionId
      optionIds
    }
  }
`);

export const StartAttemptMutation = graphql(`
  mutation StartKnowledgeTestAttempt($invitationId: ID!) {
    startKnowledgeTestAttempt(invitationId: $invitationId) {
      ...AttemptFields
    }
  }
`);

export const SaveTestAnswersMutation = graphql(`
  mutation SaveTestAnswers($attemptId: ID!, $answers: [TestAnswerInput!]!) {
    saveTestAnswers(attemptId: $attemptId, answers: $answers) {
      id
    }
  }
`);

export const SubmitAttemptMutation = graphql(`
  mutation SubmitKnowledgeTestAttempt($attemptId: ID!, $answers: [TestAnswerInput!]) {
    submitKnowledgeTestAttempt(attemptId: $attemptId, answers: $answers) {
      ...AttemptFields
    }
  }
`);

import { graphql } from '../gql';

export const QuestionFields = graphql(`
  fragment QuestionFields on SupportQuestion {
    id
    text
    status
    answer
    answeredAt
    createdAt
    course {
      id
      title
    }
  }
`);

export const MyQuestionsQuery = graphql(`
  query MyQuestions {
    myQuestions {
      ...QuestionFields
    }
  }
`);

export const QuestionCourseQuery = graphql(`
  query QuestionCourse($id: ID!) {
    course(id: $id) {
      id
      title
    }
  }
`);

export const AskQuestionMutation = graphql(`
  mutation AskQuestion($input: QuestionInput!) {
    askQuestion(input: $input) {
      ...QuestionFields
    }
  }
`);

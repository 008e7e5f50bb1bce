import { graphql } from '../gql';

export const VerifyCertificateQuery = graphql(`
  query VerifyCertificate($code: String!) {
    verifyCertificate(code: $code) {
      number
      name
      courseTitle
      hours
      completedOn
      issuedAt
      revokedAt
    }
  }
`);

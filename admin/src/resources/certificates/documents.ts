import { crudOperations } from '../../data/crud';
import { graphql } from '../../gql';
import { passFilters, type ResourceApi } from '../../data/resourceApi';

const CERTIFICATE = graphql(`
  fragment CertificateRow on Certificate {
    id
    number
    name
    courseTitle
    hours
    completedOn
    issuedAt
    revokedAt
    revokeReason
    pdfUrl
    verificationPath
  }
`);

/** Certificates issued (R-AFT-3): staff find them and revoke one with a reason. */
export const certificatesApi: ResourceApi = {
  ...crudOperations({ row: CERTIFICATE, list: { field: 'certificates', filter: 'CertificateFilter' } }),
  filter: (values) => passFilters(values, ['q', 'revoked', 'personId']),
  toInput: () => ({}),
  actions: {
    revoke: {
      field: 'revokeCertificate',
      document: graphql(`
        mutation AdminRevokeCertificate($id: ID!, $reason: String!) {
          revokeCertificate(id: $id, reason: $reason) {
            ...CertificateRow
          }
        }
      `),
    },
  },
};

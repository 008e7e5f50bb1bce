import { gql } from '@apollo/client';
import { passFilters, pick, textOrEmpty, trimmedOrNull, type ResourceApi } from '../../data/resourceApi';

const INSTITUTION_ROW = gql`
  fragment InstitutionRow on Institution {
    id
    code
    name
    registrationNumber
    vatNumber
    legalAddress
    invoiceEmail
  }
`;

/** What the institution's page shows beyond its requisites. */
const INSTITUTION_DETAIL = gql`
  fragment InstitutionDetail on Institution {
    ...InstitutionRow
    coordinators {
      id
      fullName
      personalCode
    }
  }
  ${INSTITUTION_ROW}
`;

export const EMPLOYEE_IMPORT_REPORT = gql`
  fragment EmployeeImportReportFields on EmployeeImportReport {
    dryRun
    added
    updated
    unchanged
    refused
    rows {
      line
      status
      name
      personalCodeMasked
      reasons
      duplicateOfLine
      changedFields
    }
  }
`;

/**
 * Staff edit institutions and appoint their coordinators; a coordinator reads their own. The
 * roster import runs against an institution, so it is one of its actions.
 */
export const institutionsApi: ResourceApi = {
  list: {
    field: 'institutions',
    document: gql`
      query AdminInstitutions($filter: InstitutionFilter, $page: Int!, $perPage: Int!) {
        institutions(filter: $filter, page: $page, perPage: $perPage) {
          total
          items {
            ...InstitutionRow
          }
        }
      }
      ${INSTITUTION_ROW}
    `,
  },
  filter: (values) => passFilters(values, ['q']),
  one: {
    field: 'institution',
    document: gql`
      query AdminInstitution($id: ID!) {
        institution(id: $id) {
          ...InstitutionDetail
        }
      }
      ${INSTITUTION_DETAIL}
    `,
  },
  create: {
    field: 'createInstitution',
    document: gql`
      mutation AdminCreateInstitution($input: InstitutionInput!) {
        createInstitution(input: $input) {
          ...InstitutionDetail
        }
      }
      ${INSTITUTION_DETAIL}
    `,
  },
  update: {
    field: 'updateInstitution',
    document: gql`
      mutation AdminUpdateInstitution($id: ID!, $input: InstitutionInput!) {
        updateInstitution(id: $id, input: $input) {
          ...InstitutionDetail
        }
      }
      ${INSTITUTION_DETAIL}
    `,
  },
  actions: {
    appointCoordinator: {
      field: 'appointCoordinator',
      document: gql`
        mutation AdminAppointCoordinator($id: ID!, $personalCode: String!, $givenName: String!, $familyName: String!) {
          appointCoordinator(institutionId: $id, personalCode: $personalCode, givenName: $givenName, familyName: $familyName) {
            id
            fullName
          }
        }
      `,
    },
    removeCoordinator: {
      field: 'removeCoordinator',
      document: gql`
        mutation AdminRemoveCoordinator($id: ID!, $personId: ID!) {
          removeCoordinator(institutionId: $id, personId: $personId) {
            id
            fullName
          }
        }
      `,
    },
    importEmployees: {
      field: 'importEmployees',
      document: gql`
        mutation AdminImportEmployees($id: ID!, $csv: String!, $dryRun: Boolean!) {
          importEmployees(institutionId: $id, csv: $csv, dryRun: $dryRun) {
            ...EmployeeImportReportFields
          }
        }
        ${EMPLOYEE_IMPORT_REPORT}
      `,
    },
  },
  toInput: (values) =>
    pick(values, ['code', 'name', 'registrationNumber', 'vatNumber', 'legalAddress', 'invoiceEmail'], {
      code: (value) => textOrEmpty(value).trim(),
      name: (value) => textOrEmpty(value).trim(),
      registrationNumber: (value) => textOrEmpty(value).replace(/\s/g, ''),
      vatNumber: trimmedOrNull,
      legalAddress: trimmedOrNull,
      invoiceEmail: trimmedOrNull,
    }),
};

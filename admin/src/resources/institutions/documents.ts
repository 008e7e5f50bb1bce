import { crudOperations } from '../../data/crud';
import { graphql } from '../../gql';
import { passFilters, pick, textOrEmpty, trimmedOrNull, type ResourceApi } from '../../data/resourceApi';

/** The address's parts from the form; every part empty: no address (null clears it). */
const addressInput = (value: unknown) => {
  const parts = (value ?? {}) as Record<string, unknown>;
  const [street, city, postcode] = ['street', 'city', 'postcode'].map((key) => textOrEmpty(parts[key]).trim());
  if (!street && !city && !postcode) return null;
  return { street, city, postcode, countryCode: textOrEmpty(parts.countryCode).trim().toUpperCase() || 'LV' };
};

const INSTITUTION_ROW = graphql(`
  fragment InstitutionRow on Institution {
    id
    code
    name
    registrationNumber
    vatNumber
    legalAddress {
      street
      city
      postcode
      countryCode
    }
    invoiceEmail
    einvoiceScheme
    einvoiceEndpoint
    buyerReference
  }
`);

/** What the institution's page shows beyond its requisites. */
const INSTITUTION_DETAIL = graphql(`
  fragment InstitutionDetail on Institution {
    ...InstitutionRow
    coordinators {
      id
      fullName
      personalCode
    }
  }
`);

// Spread by name below: codegen adds the fragment to the documents that use it.
graphql(`
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
`);

/**
 * Staff edit institutions and appoint their coordinators; a coordinator reads their own. The
 * roster import runs against an institution, so it is one of its actions.
 */
export const institutionsApi: ResourceApi = {
  ...crudOperations({
    row: INSTITUTION_ROW,
    detail: INSTITUTION_DETAIL,
    list: { field: 'institutions', filter: 'InstitutionFilter' },
    one: 'institution',
    input: 'InstitutionInput',
    create: 'createInstitution',
    update: 'updateInstitution',
  }),
  filter: (values) => passFilters(values, ['q']),
  actions: {
    appointCoordinator: {
      field: 'appointCoordinator',
      document: graphql(`
        mutation AdminAppointCoordinator($id: ID!, $personalCode: String!, $givenName: String!, $familyName: String!) {
          appointCoordinator(institutionId: $id, personalCode: $personalCode, givenName: $givenName, familyName: $familyName) {
            id
            fullName
          }
        }
      `),
    },
    removeCoordinator: {
      field: 'removeCoordinator',
      document: graphql(`
        mutation AdminRemoveCoordinator($id: ID!, $personId: ID!) {
          removeCoordinator(institutionId: $id, personId: $personId) {
            id
            fullName
          }
        }
      `),
    },
    importEmployees: {
      field: 'importEmployees',
      document: graphql(`
        mutation AdminImportEmployees($id: ID!, $csv: String!, $dryRun: Boolean!) {
          importEmployees(institutionId: $id, csv: $csv, dryRun: $dryRun) {
            ...EmployeeImportReportFields
          }
        }
      `),
    },
  },
  toInput: (values) =>
    pick(values, ['code', 'name', 'registrationNumber', 'vatNumber', 'legalAddress', 'invoiceEmail', 'einvoiceScheme', 'einvoiceEndpoint', 'buyerReference'], {
      code: (value) => textOrEmpty(value).trim(),
      name: (value) => textOrEmpty(value).trim(),
      registrationNumber: (value) => textOrEmpty(value).replace(/\s/g, ''),
      vatNumber: trimmedOrNull,
      legalAddress: addressInput,
      invoiceEmail: trimmedOrNull,
      // "" clears the address and the reference (null would leave them as they are).
      einvoiceScheme: (value) => textOrEmpty(value).trim(),
      einvoiceEndpoint: (value) => textOrEmpty(value).trim(),
      buyerReference: (value) => textOrEmpty(value).trim(),
    }),
};

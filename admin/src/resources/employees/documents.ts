import { crudOperations } from '../../data/crud';
import { graphql } from '../../gql';
import { passFilters, pick, textOrEmpty, trimmedOrNull, type ResourceApi, type Values } from '../../data/resourceApi';

const EMPLOYMENT = graphql(`
  fragment EmploymentRow on Employment {
    id
    position
    workEmail
    source
    startedAt
    endedAt
    current
    institution {
      id
      name
    }
    person {
      id
      fullName
      personalCode
    }
  }
`);

/**
 * Employments, as "employees" of an institution. The person's fields are flattened into the record
 * so lists and filters can name them; the personal code comes masked for coordinators.
 */
export const employeesApi: ResourceApi = {
  ...crudOperations({
    row: EMPLOYMENT,
    list: { field: 'employees', filter: 'EmploymentFilter', args: { sort: 'EmploymentSort' } },
    input: 'EmployeeInput',
    create: { field: 'addEmployee', args: { institutionId: 'ID!' } },
  }),
  sortFields: { fullName: 'NAME', startedAt: 'STARTED_AT', endedAt: 'ENDED_AT' },
  // The console filters by `state` (CURRENT / ENDED, empty: both); the API by `current`.
  filter: (values) => ({
    ...passFilters(values, ['q', 'institutionId']),
    ...(values.state === 'CURRENT' ? { current: true } : values.state === 'ENDED' ? { current: false } : {}),
  }),
  createVariables: (values) => ({ institutionId: values.institutionId }),
  actions: {
    end: {
      field: 'endEmployment',
      document: graphql(`
        mutation AdminEndEmployment($id: ID!) {
          endEmployment(employmentId: $id) {
            ...EmploymentRow
          }
        }
      `),
    },
  },
  toRecord: (item: Values) => {
    const person = item.person as { fullName: string; personalCode: string | null };
    const institution = item.institution as { id: string; name: string };
    return { ...item, fullName: person.fullName, personalCode: person.personalCode, institutionId: institution.id, institutionName: institution.name };
  },
  toInput: (values) =>
    pick(values, ['personalCode', 'givenName', 'familyName', 'position', 'workEmail'], {
      personalCode: (value) => textOrEmpty(value).replace(/\s+/g, ''),
      givenName: (value) => textOrEmpty(value).trim(),
      familyName: (value) => textOrEmpty(value).trim(),
      position: trimmedOrNull,
      workEmail: trimmedOrNull,
    }),
};

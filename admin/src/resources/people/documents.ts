import { crudOperations } from '../../data/crud';
import { graphql } from '../../gql';
import { passFilters, type ResourceApi } from '../../data/resourceApi';

const PERSON = graphql(`
  fragment PersonRow on Person {
    id
    fullName
    email
    personalCode
    roles
    erasedAt
  }
`);

/** Staff: everyone known to the system, with their roles; an administrator grants STAFF and ADMIN (R-ID-7). */
export const peopleApi: ResourceApi = {
  ...crudOperations({ row: PERSON, list: { field: 'people', filter: 'PersonFilter' } }),
  filter: (values) => passFilters(values, ['q', 'role']),
  toInput: () => ({}),
  actions: {
    erase: {
      field: 'erasePerson',
      document: graphql(`
        mutation AdminErasePerson($id: ID!, $reason: String!) {
          erasePerson(id: $id, reason: $reason) {
            personId
            invoicesKept
          }
        }
      `),
    },
    grantRole: {
      field: 'grantRole',
      document: graphql(`
        mutation AdminGrantRole($id: ID!, $role: UserRole!) {
          grantRole(personId: $id, role: $role) {
            ...PersonRow
          }
        }
      `),
    },
    withdrawRole: {
      field: 'withdrawRole',
      document: graphql(`
        mutation AdminWithdrawRole($id: ID!, $role: UserRole!) {
          withdrawRole(personId: $id, role: $role) {
            ...PersonRow
          }
        }
      `),
    },
  },
};

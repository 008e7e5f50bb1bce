import { gql } from '@apollo/client';
import { passFilters, type ResourceApi } from '../../data/resourceApi';

const PERSON = gql`
  fragment PersonRow on Person {
    id
    fullName
    email
    personalCode
    roles
  }
`;

/** Staff: everyone known to the system, with their roles; an administrator grants STAFF and ADMIN (R-ID-7). */
export const peopleApi: ResourceApi = {
  list: {
    field: 'people',
    document: gql`
      query AdminPeople($filter: PersonFilter, $page: Int!, $perPage: Int!) {
        people(filter: $filter, page: $page, perPage: $perPage) {
          total
          items {
            ...PersonRow
          }
        }
      }
      ${PERSON}
    `,
  },
  filter: (values) => passFilters(values, ['q', 'role']),
  toInput: () => ({}),
  actions: {
    grantRole: {
      field: 'grantRole',
      document: gql`
        mutation AdminGrantRole($id: ID!, $role: UserRole!) {
          grantRole(personId: $id, role: $role) {
            ...PersonRow
          }
        }
        ${PERSON}
      `,
    },
    withdrawRole: {
      field: 'withdrawRole',
      document: gql`
        mutation AdminWithdrawRole($id: ID!, $role: UserRole!) {
          withdrawRole(personId: $id, role: $role) {
            ...PersonRow
          }
        }
        ${PERSON}
      `,
    },
  },
};

import { gql } from '@apollo/client';
import { passFilters, type ResourceApi } from '../../data/resourceApi';

/** Read-only here: institutions are kept elsewhere and referenced by courses. */
export const institutionsApi: ResourceApi = {
  list: {
    field: 'institutions',
    document: gql`
      query AdminInstitutions($filter: InstitutionFilter, $page: Int!, $perPage: Int!) {
        institutions(filter: $filter, page: $page, perPage: $perPage) {
          total
          items {
            id
            code
            name
            registrationNumber
          }
        }
      }
    `,
  },
  filter: (values) => passFilters(values, ['q']),
  toInput: () => ({}),
};

import { graphql } from '../../gql';
import { emptyToNull, passFilters, pick, textOrEmpty, trimmedOrNull, type ResourceApi } from '../../data/resourceApi';

const LECTURER = graphql(`
  fragment LecturerRow on Lecturer {
    id
    name
    email
    personId
  }
`);

export const lecturersApi: ResourceApi = {
  list: {
    field: 'lecturers',
    document: graphql(`
      query AdminLecturers($filter: NameFilter, $page: Int!, $perPage: Int!) {
        lecturers(filter: $filter, page: $page, perPage: $perPage) {
          total
          items {
            ...LecturerRow
          }
        }
      }
    `),
  },
  filter: (values) => passFilters(values, ['q']),
  create: {
    field: 'createLecturer',
    document: graphql(`
      mutation AdminCreateLecturer($input: LecturerInput!) {
        createLecturer(input: $input) {
          ...LecturerRow
        }
      }
    `),
  },
  update: {
    field: 'updateLecturer',
    document: graphql(`
      mutation AdminUpdateLecturer($id: ID!, $input: LecturerInput!) {
        updateLecturer(id: $id, input: $input) {
          ...LecturerRow
        }
      }
    `),
  },
  toInput: (values) => pick(values, ['name', 'email', 'personId'], { name: (value) => textOrEmpty(value).trim(), email: trimmedOrNull, personId: emptyToNull }),
};

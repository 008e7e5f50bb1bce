import { gql } from '@apollo/client';
import { emptyToNull, passFilters, pick, textOrEmpty, trimmedOrNull, type ResourceApi } from '../../data/resourceApi';

const LECTURER = gql`
  fragment LecturerRow on Lecturer {
    id
    name
    email
    personId
  }
`;

export const lecturersApi: ResourceApi = {
  list: {
    field: 'lecturers',
    document: gql`
      query AdminLecturers($filter: NameFilter, $page: Int!, $perPage: Int!) {
        lecturers(filter: $filter, page: $page, perPage: $perPage) {
          total
          items {
            ...LecturerRow
          }
        }
      }
      ${LECTURER}
    `,
  },
  filter: (values) => passFilters(values, ['q']),
  create: {
    field: 'createLecturer',
    document: gql`
      mutation AdminCreateLecturer($input: LecturerInput!) {
        createLecturer(input: $input) {
          ...LecturerRow
        }
      }
      ${LECTURER}
    `,
  },
  update: {
    field: 'updateLecturer',
    document: gql`
      mutation AdminUpdateLecturer($id: ID!, $input: LecturerInput!) {
        updateLecturer(id: $id, input: $input) {
          ...LecturerRow
        }
      }
      ${LECTURER}
    `,
  },
  toInput: (values) => pick(values, ['name', 'email', 'personId'], { name: (value) => textOrEmpty(value).trim(), email: trimmedOrNull, personId: emptyToNull }),
};

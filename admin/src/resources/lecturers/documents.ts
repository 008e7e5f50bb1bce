import { crudOperations } from '../../data/crud';
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
  ...crudOperations({
    row: LECTURER,
    list: { field: 'lecturers', filter: 'NameFilter' },
    input: 'LecturerInput',
    create: 'createLecturer',
    update: 'updateLecturer',
  }),
  filter: (values) => passFilters(values, ['q']),
  toInput: (values) => pick(values, ['name', 'email', 'personId'], { name: (value) => textOrEmpty(value).trim(), email: trimmedOrNull, personId: emptyToNull }),
};

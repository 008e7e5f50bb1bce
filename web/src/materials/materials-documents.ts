import { graphql } from '../gql';

export const MaterialFields = graphql(`
  fragment MaterialFields on CourseMaterial {
    id
    kind
    title
    description
    url
    fileName
    sizeBytes
    visibility
    group {
      id
      code
    }
    course {
      id
      title
    }
  }
`);

export const MaterialsQuery = graphql(`
  query Materials($filter: CourseMaterialFilter, $page: Int!, $perPage: Int!) {
    courseMaterials(filter: $filter, page: $page, perPage: $perPage) {
      total
      items {
        ...MaterialFields
      }
    }
  }
`);

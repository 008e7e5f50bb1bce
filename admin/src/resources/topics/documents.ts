import { graphql } from '../../gql';
import { numberOrNull, passFilters, pick, textOrEmpty, type ResourceApi } from '../../data/resourceApi';

const TOPIC = graphql(`
  fragment TopicRow on Topic {
    id
    code
    name
    nameLv
    nameEn
    sortOrder
  }
`);

export const topicsApi: ResourceApi = {
  list: {
    field: 'topics',
    document: graphql(`
      query AdminTopics($filter: TopicFilter, $page: Int!, $perPage: Int!) {
        topics(filter: $filter, page: $page, perPage: $perPage) {
          total
          items {
            ...TopicRow
          }
        }
      }
    `),
  },
  filter: (values) => passFilters(values, ['q']),
  one: {
    field: 'topic',
    document: graphql(`
      query AdminTopic($id: ID!) {
        topic(id: $id) {
          ...TopicRow
        }
      }
    `),
  },
  create: {
    field: 'createTopic',
    document: graphql(`
      mutation AdminCreateTopic($input: TopicInput!) {
        createTopic(input: $input) {
          ...TopicRow
        }
      }
    `),
  },
  update: {
    field: 'updateTopic',
    document: graphql(`
      mutation AdminUpdateTopic($id: ID!, $input: TopicInput!) {
        updateTopic(id: $id, input: $input) {
          ...TopicRow
        }
      }
    `),
  },
  delete: {
    field: 'deleteTopic',
    document: graphql(`
      mutation AdminDeleteTopic($id: ID!) {
        deleteTopic(id: $id) {
          ...TopicRow
        }
      }
    `),
  },
  toInput: (values) =>
    pick(values, ['code', 'nameLv', 'nameEn', 'sortOrder'], {
      code: (value) => textOrEmpty(value).trim(),
      nameLv: textOrEmpty,
      nameEn: textOrEmpty,
      sortOrder: numberOrNull,
    }),
  // TopicInput has required code and names, also on update.
  fullUpdate: true,
};

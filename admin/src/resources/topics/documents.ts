import { gql } from '@apollo/client';
import { numberOrNull, passFilters, pick, textOrEmpty, type ResourceApi } from '../../data/resourceApi';

const TOPIC = gql`
  fragment TopicRow on Topic {
    id
    code
    name
    nameLv
    nameEn
    sortOrder
  }
`;

export const topicsApi: ResourceApi = {
  list: {
    field: 'topics',
    document: gql`
      query AdminTopics($filter: TopicFilter, $page: Int!, $perPage: Int!) {
        topics(filter: $filter, page: $page, perPage: $perPage) {
          total
          items {
            ...TopicRow
          }
        }
      }
      ${TOPIC}
    `,
  },
  filter: (values) => passFilters(values, ['q']),
  one: {
    field: 'topic',
    document: gql`
      query AdminTopic($id: ID!) {
        topic(id: $id) {
          ...TopicRow
        }
      }
      ${TOPIC}
    `,
  },
  create: {
    field: 'createTopic',
    document: gql`
      mutation AdminCreateTopic($input: TopicInput!) {
        createTopic(input: $input) {
          ...TopicRow
        }
      }
      ${TOPIC}
    `,
  },
  update: {
    field: 'updateTopic',
    document: gql`
      mutation AdminUpdateTopic($id: ID!, $input: TopicInput!) {
        updateTopic(id: $id, input: $input) {
          ...TopicRow
        }
      }
      ${TOPIC}
    `,
  },
  delete: {
    field: 'deleteTopic',
    document: gql`
      mutation AdminDeleteTopic($id: ID!) {
        deleteTopic(id: $id) {
          ...TopicRow
        }
      }
      ${TOPIC}
    `,
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

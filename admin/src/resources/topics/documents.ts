import { crudOperations } from '../../data/crud';
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
  ...crudOperations({
    row: TOPIC,
    list: { field: 'topics', filter: 'TopicFilter' },
    one: 'topic',
    input: 'TopicInput',
    create: 'createTopic',
    update: 'updateTopic',
    delete: 'deleteTopic',
  }),
  filter: (values) => passFilters(values, ['q']),
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

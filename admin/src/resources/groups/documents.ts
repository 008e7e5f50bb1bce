import { graphql } from '../../gql';
import { centsToEuro, euroToCents, numberOrNull, passFilters, pick, textOrEmpty, toIso, type ResourceApi, type Values } from '../../data/resourceApi';

const GROUP = graphql(`
  fragment GroupRow on Group {
    id
    code
    courseId
    status
    minSize
    maxSize
    seatsTaken
    seatsLeft
    isFull
    startsAt
    endsAt
    registrationDeadline
    priceOverrideCents
    priceCents
    cancellationReason
  }
`);

export const groupsApi: ResourceApi = {
  list: {
    field: 'groups',
    document: graphql(`
      query AdminGroups($filter: GroupFilter, $sort: GroupSort, $page: Int!, $perPage: Int!) {
        groups(filter: $filter, sort: $sort, page: $page, perPage: $perPage) {
          total
          items {
            ...GroupRow
          }
        }
      }
    `),
  },
  sortFields: { code: 'CODE', status: 'STATUS', startsAt: 'STARTS_AT', createdAt: 'CREATED_AT' },
  filter: (values) => {
    const filter = passFilters(values, ['q', 'courseId']);
    const statuses = Array.isArray(values.statuses) ? values.statuses : values.status ? [values.status] : [];
    return statuses.length > 0 ? { ...filter, statuses } : filter;
  },
  one: {
    field: 'group',
    document: graphql(`
      query AdminGroup($id: ID!) {
        group(id: $id) {
          ...GroupRow
        }
      }
    `),
  },
  create: {
    field: 'createGroup',
    document: graphql(`
      mutation AdminCreateGroup($input: GroupInput!) {
        createGroup(input: $input) {
          ...GroupRow
        }
      }
    `),
  },
  update: {
    field: 'updateGroup',
    document: graphql(`
      mutation AdminUpdateGroup($id: ID!, $input: GroupInput!) {
        updateGroup(id: $id, input: $input) {
          ...GroupRow
        }
      }
    `),
  },
  actions: {
    cancel: {
      field: 'cancelGroup',
      document: graphql(`
        mutation AdminCancelGroup($id: ID!, $reason: String) {
          cancelGroup(id: $id, reason: $reason) {
            ...GroupRow
          }
        }
      `),
    },
  },
  toRecord: (item: Values) => ({
    ...item,
    priceOverrideEuro: centsToEuro(item.priceOverrideCents),
    priceEuro: centsToEuro(item.priceCents),
  }),
  toInput: (values) => ({
    ...pick(values, ['code', 'courseId', 'status', 'minSize', 'maxSize', 'registrationDeadline'], {
      code: (value) => textOrEmpty(value).trim(),
      minSize: numberOrNull,
      maxSize: numberOrNull,
      registrationDeadline: toIso,
    }),
    ...('priceOverrideEuro' in values ? { priceOverrideCents: euroToCents(values.priceOverrideEuro) } : {}),
  }),
  formFields: { priceOverrideCents: 'priceOverrideEuro' },
};

import { gql } from '@apollo/client';
import { centsToEuro, euroToCents, numberOrNull, passFilters, pick, textOrEmpty, toIso, type ResourceApi, type Values } from '../../data/resourceApi';

const GROUP = gql`
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
`;

export const groupsApi: ResourceApi = {
  list: {
    field: 'groups',
    document: gql`
      query AdminGroups($filter: GroupFilter, $sort: GroupSort, $page: Int!, $perPage: Int!) {
        groups(filter: $filter, sort: $sort, page: $page, perPage: $perPage) {
          total
          items {
            ...GroupRow
          }
        }
      }
      ${GROUP}
    `,
  },
  sortFields: { code: 'CODE', status: 'STATUS', startsAt: 'STARTS_AT', createdAt: 'CREATED_AT' },
  filter: (values) => {
    const filter = passFilters(values, ['q', 'courseId']);
    const statuses = Array.isArray(values.statuses) ? values.statuses : values.status ? [values.status] : [];
    return statuses.length > 0 ? { ...filter, statuses } : filter;
  },
  one: {
    field: 'group',
    document: gql`
      query AdminGroup($id: ID!) {
        group(id: $id) {
          ...GroupRow
        }
      }
      ${GROUP}
    `,
  },
  create: {
    field: 'createGroup',
    document: gql`
      mutation AdminCreateGroup($input: GroupInput!) {
        createGroup(input: $input) {
          ...GroupRow
        }
      }
      ${GROUP}
    `,
  },
  update: {
    field: 'updateGroup',
    document: gql`
      mutation AdminUpdateGroup($id: ID!, $input: GroupInput!) {
        updateGroup(id: $id, input: $input) {
          ...GroupRow
        }
      }
      ${GROUP}
    `,
  },
  actions: {
    cancel: {
      field: 'cancelGroup',
      document: gql`
        mutation AdminCancelGroup($id: ID!, $reason: String) {
          cancelGroup(id: $id, reason: $reason) {
            ...GroupRow
          }
        }
        ${GROUP}
      `,
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

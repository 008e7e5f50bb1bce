import { crudOperations } from '../../data/crud';
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
    euProjectId
  }
`);

export const groupsApi: ResourceApi = {
  ...crudOperations({
    row: GROUP,
    list: { field: 'groups', filter: 'GroupFilter', args: { sort: 'GroupSort' } },
    one: 'group',
    input: 'GroupInput',
    create: 'createGroup',
    update: 'updateGroup',
  }),
  sortFields: { code: 'CODE', status: 'STATUS', startsAt: 'STARTS_AT', createdAt: 'CREATED_AT' },
  filter: (values) => {
    const filter = passFilters(values, ['q', 'courseId']);
    const statuses = Array.isArray(values.statuses) ? values.statuses : values.status ? [values.status] : [];
    return statuses.length > 0 ? { ...filter, statuses } : filter;
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
    ...pick(values, ['code', 'courseId', 'status', 'minSize', 'maxSize', 'registrationDeadline', 'euProjectId'], {
      code: (value) => textOrEmpty(value).trim(),
      // "" takes the group's own project away: the course's applies.
      euProjectId: (value) => (value ? String(value) : ''),
      minSize: numberOrNull,
      maxSize: numberOrNull,
      registrationDeadline: toIso,
    }),
    ...('priceOverrideEuro' in values ? { priceOverrideCents: euroToCents(values.priceOverrideEuro) } : {}),
  }),
  formFields: { priceOverrideCents: 'priceOverrideEuro' },
};

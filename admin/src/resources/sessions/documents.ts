import { graphql } from '../../gql';
import { fromRigaLocal } from '../../components/rigaTime';
import { emptyToNull, passFilters, pick, toIso, trimmedOrNull, type ResourceApi } from '../../data/resourceApi';

const SESSION = graphql(`
  fragment SessionRow on Session {
    id
    groupId
    startsAt
    endsAt
    placeId
    onlineUrl
    lecturerId
    conflicts {
      kinds
      otherSessionId
      otherGroupId
      otherGroupCode
      otherStartsAt
      otherEndsAt
    }
  }
`);

export const sessionsApi: ResourceApi = {
  list: {
    field: 'sessions',
    document: graphql(`
      query AdminSessions($filter: SessionFilter, $page: Int!, $perPage: Int!) {
        sessions(filter: $filter, page: $page, perPage: $perPage) {
          total
          items {
            ...SessionRow
          }
        }
      }
    `),
  },
  filter: (values) => {
    const filter = passFilters(values, ['groupId', 'lecturerId', 'placeId']);
    // A day of the filter starts at midnight in Riga, not in the browser's zone.
    if (values.from) filter.from = fromRigaLocal(`${String(values.from)}T00:00`) ?? toIso(values.from);
    if (values.to) filter.to = fromRigaLocal(`${String(values.to)}T00:00`) ?? toIso(values.to);
    return filter;
  },
  one: {
    field: 'session',
    document: graphql(`
      query AdminSession($id: ID!) {
        session(id: $id) {
          ...SessionRow
        }
      }
    `),
  },
  create: {
    field: 'createSession',
    document: graphql(`
      mutation AdminCreateSession($input: SessionInput!) {
        createSession(input: $input) {
          ...SessionRow
        }
      }
    `),
  },
  update: {
    field: 'updateSession',
    document: graphql(`
      mutation AdminUpdateSession($id: ID!, $input: SessionInput!) {
        updateSession(id: $id, input: $input) {
          ...SessionRow
        }
      }
    `),
  },
  delete: {
    field: 'deleteSession',
    document: graphql(`
      mutation AdminDeleteSession($id: ID!) {
        deleteSession(id: $id) {
          ...SessionRow
        }
      }
    `),
  },
  // `overrideConflicts` is set only when the user chose to save despite a SCHEDULE_CONFLICT.
  toInput: (values) =>
    pick(values, ['groupId', 'startsAt', 'endsAt', 'placeId', 'onlineUrl', 'lecturerId', 'overrideConflicts'], {
      startsAt: toIso,
      endsAt: toIso,
      placeId: emptyToNull,
      onlineUrl: trimmedOrNull,
      lecturerId: emptyToNull,
    }),
};

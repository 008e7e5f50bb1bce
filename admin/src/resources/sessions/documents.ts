import { gql } from '@apollo/client';
import { fromRigaLocal } from '../../components/rigaTime';
import { emptyToNull, passFilters, pick, toIso, trimmedOrNull, type ResourceApi } from '../../data/resourceApi';

const SESSION = gql`
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
`;

export const sessionsApi: ResourceApi = {
  list: {
    field: 'sessions',
    document: gql`
      query AdminSessions($filter: SessionFilter, $page: Int!, $perPage: Int!) {
        sessions(filter: $filter, page: $page, perPage: $perPage) {
          total
          items {
            ...SessionRow
          }
        }
      }
      ${SESSION}
    `,
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
    document: gql`
      query AdminSession($id: ID!) {
        session(id: $id) {
          ...SessionRow
        }
      }
      ${SESSION}
    `,
  },
  create: {
    field: 'createSession',
    document: gql`
      mutation AdminCreateSession($input: SessionInput!) {
        createSession(input: $input) {
          ...SessionRow
        }
      }
      ${SESSION}
    `,
  },
  update: {
    field: 'updateSession',
    document: gql`
      mutation AdminUpdateSession($id: ID!, $input: SessionInput!) {
        updateSession(id: $id, input: $input) {
          ...SessionRow
        }
      }
      ${SESSION}
    `,
  },
  delete: {
    field: 'deleteSession',
    document: gql`
      mutation AdminDeleteSession($id: ID!) {
        deleteSession(id: $id) {
          ...SessionRow
        }
      }
      ${SESSION}
    `,
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

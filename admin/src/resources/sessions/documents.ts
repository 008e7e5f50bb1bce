import { crudOperations } from '../../data/crud';
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
  ...crudOperations({
    row: SESSION,
    list: { field: 'sessions', filter: 'SessionFilter' },
    one: 'session',
    input: 'SessionInput',
    create: 'createSession',
    update: 'updateSession',
    delete: 'deleteSession',
  }),
  filter: (values) => {
    const filter = passFilters(values, ['groupId', 'lecturerId', 'placeId']);
    // A day of the filter starts at midnight in Riga, not in the browser's zone.
    if (values.from) filter.from = fromRigaLocal(`${String(values.from)}T00:00`) ?? toIso(values.from);
    if (values.to) filter.to = fromRigaLocal(`${String(values.to)}T00:00`) ?? toIso(values.to);
    return filter;
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

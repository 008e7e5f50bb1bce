import { useApolloClient, useSubscription } from '@apollo/client/react';
import { graphql } from '../gql';

const GroupSeatsChangedSubscription = graphql(`
  subscription GroupSeatsChanged($groupIds: [ID!]!) {
    groupSeatsChanged(groupIds: $groupIds) {
      groupId
      seatsTaken
      seatsLeft
      isFull
    }
  }
`);

/**
 * Keeps the seat counts of a course page's groups current (R-REG-5): each count the api pushes
 * after a registration, a cancellation or a move from the waiting list is written into the cached
 * group, so every place that shows it changes at once, the "Pieteikties" button's label included.
 */
export function useLiveSeats(groupIds: readonly string[]): void {
  const client = useApolloClient();
  useSubscription(GroupSeatsChangedSubscription, {
    variables: { groupIds: [...groupIds] },
    skip: groupIds.length === 0,
    ignoreResults: true,
    onData: ({ data }) => {
      const seats = data.data?.groupSeatsChanged;
      if (!seats) return;
      client.cache.modify({
        id: client.cache.identify({ __typename: 'Group', id: seats.groupId }),
        fields: {
          seatsTaken: () => seats.seatsTaken,
          seatsLeft: () => seats.seatsLeft,
          isFull: () => seats.isFull,
        },
      });
    },
  });
}

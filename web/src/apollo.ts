import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode } from 'graphql';
import { busyRetryLink } from './busy-retry';
import i18n, { currentLanguage } from './i18n';
import { GRAPHQL_PATH, liveClient, restartLiveConnection } from './live';

/** The api answers localized fields (titles, summaries, topic names) in the language this header names. */
const languageLink = new SetContextLink((previous) => ({
  headers: { ...previous.headers, 'x-mps-language': currentLanguage() },
}));

const httpLink = new HttpLink({ uri: GRAPHQL_PATH, credentials: 'same-origin' });

const wsLink = new GraphQLWsLink(liveClient);

const transport = ApolloLink.split(({ operationType }) => operationType === OperationTypeNode.SUBSCRIPTION, wsLink, ApolloLink.from([busyRetryLink, httpLink]));

export const apolloClient = new ApolloClient({
  link: ApolloLink.from([languageLink, transport]),
  cache: new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          // Each page of each search is its own cache entry.
          courses: { keyArgs: ['filter', 'sort', 'page', 'perPage'] },
          topics: { keyArgs: ['filter', 'page', 'perPage'] },
        },
      },
      // `me` has no id of its own: a new answer replaces the old one whole.
      Me: { keyFields: false, merge: false },
    },
  }),
});

// Cached entries hold texts in the old language: drop them and refetch what is on screen. The
// socket reads the language cookie (just rewritten by ./i18n) only when it connects: reconnect it.
i18n.on('languageChanged', () => {
  void apolloClient.resetStore();
  restartLiveConnection();
});

import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
// The portal's policy: a request the busy server turned away (503 SERVICE_BUSY) is sent again after Retry-After.
import { busyRetryLink } from '../../web/src/busy-retry';

/** Lists and `me` have no id: a fresh answer simply replaces the old one in the cache. */
const replaceOnRefetch = { merge: false } as const;

/**
 * One Apollo Client for the console: same-origin `/graphql` with the session cookie, and the
 * current UI language in `x-mps-language` so localized fields and server messages follow it.
 */
export function createApolloClient(currentLanguage: () => string): ApolloClient {
  const language = new ApolloLink((operation, forward) => {
    operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
      headers: { ...headers, 'x-mps-language': currentLanguage() },
    }));
    return forward(operation);
  });
  return new ApolloClient({
    link: ApolloLink.from([language, busyRetryLink, new HttpLink({ uri: '/graphql', credentials: 'same-origin' })]),
    cache: new InMemoryCache({
      typePolicies: {
        Query: {
          fields: {
            me: replaceOnRefetch,
            courses: replaceOnRefetch,
            topics: replaceOnRefetch,
            groups: replaceOnRefetch,
            sessions: replaceOnRefetch,
            lecturers: replaceOnRefetch,
            places: replaceOnRefetch,
            institutions: replaceOnRefetch,
            employees: replaceOnRefetch,
            billingAccounts: replaceOnRefetch,
            apiTokens: replaceOnRefetch,
            outboxMessages: replaceOnRefetch,
            outboxStatusCounts: replaceOnRefetch,
          },
        },
        // Lists without ids inside records: a fresh answer replaces them.
        Session: { fields: { conflicts: replaceOnRefetch } },
        OutboxMessage: { fields: { attachments: replaceOnRefetch } },
      },
    }),
  });
}

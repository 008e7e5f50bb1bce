import type { ApolloClient } from '@apollo/client';
import { graphql } from '../gql';
import type { AuthProvider } from 'react-admin';
import type { Role } from './access';

const ME = graphql(`
  query AdminMe {
    me {
      roles
      person {
        id
        fullName
      }
    }
  }
`);

interface Me {
  roles: Role[];
  person: { id: string; fullName: string };
}

const CONSOLE_PATH = '/admin/';

/** Where to come back after signing in: the page asked for (the console routes in the hash). */
function returnPath(): string {
  const { pathname, search, hash } = window.location;
  return pathname.startsWith('/admin') ? pathname + search + hash : CONSOLE_PATH;
}

/** Absolute, so react-admin leaves the single-page app for the server's sign-in flow. */
function signInUrl(returnTo: string = returnPath()): string {
  return `${window.location.origin}/auth/sign-in?returnTo=${encodeURIComponent(returnTo)}`;
}

/**
 * Sign-in happens outside the console (`/auth/*`, Latvija.lv or the development provider) and
 * leaves an httpOnly session cookie: the console only asks `me` who that is.
 */
export function createAuthProvider(client: ApolloClient): AuthProvider {
  let me: Promise<Me | null> | null = null;

  const loadMe = (): Promise<Me | null> => {
    me = client
      .query<{ me: Me | null }>({ query: ME, fetchPolicy: 'network-only' })
      .then(({ data }) => data?.me ?? null)
      .catch((error: unknown) => {
        me = null;
        throw error;
      });
    return me;
  };
  const current = () => me ?? loadMe();

  return {
    // Never called: there is no login page (`loginPage={false}`); the server signs people in.
    login: async () => undefined,

    checkAuth: async () => {
      // react-admin's authProvider contract: reject with { redirectTo, message } (not an Error) to redirect without a notice.
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      if (!(await loadMe())) throw { redirectTo: signInUrl(), message: false };
    },

    checkError: async (error: { status?: number }) => {
      if (error?.status === 401) {
        me = null;
        // react-admin's authProvider contract, as in checkAuth above.
        // eslint-disable-next-line @typescript-eslint/only-throw-error
        throw { redirectTo: signInUrl(), message: false };
      }
    },

    logout: async () => {
      const wasSignedIn = await (me ?? Promise.resolve(null)).catch(() => null);
      me = null;
      if (wasSignedIn) {
        await fetch('/auth/sign-out', {
          method: 'POST',
          body: new URLSearchParams({ returnTo: CONSOLE_PATH }),
          credentials: 'same-origin',
          redirect: 'manual',
        });
        return signInUrl(CONSOLE_PATH);
      }
      return signInUrl();
    },

    getIdentity: async () => {
      const who = await current();
      if (!who) throw new Error('Not signed in');
      return { id: who.person.id, fullName: who.person.fullName };
    },

    getPermissions: async () => (await current())?.roles ?? [],
  };
}

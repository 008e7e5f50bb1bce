import { graphql } from './gql';

/** The signed-in person, or null: shared by the header and the profile page (one cache entry). */
export const MeQuery = graphql(`
  query Me {
    me {
      roles
      person {
        id
        fullName
        email
        preferredLanguage
      }
      coordinatedInstitutions {
        id
        name
      }
    }
  }
`);

/** Where the sign-in of the api sends the person back to: the page they are on. */
export function signInHref(returnTo: string): string {
  return `/auth/sign-in?returnTo=${encodeURIComponent(returnTo)}`;
}

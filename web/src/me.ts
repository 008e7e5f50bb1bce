import { graphql } from './gql';

/**
 * What every page needs of the signed-in person: the header's name, the roles and whether the
 * profile still lacks something (R-ID-2). The profile page and its mutations select these same
 * fields of `Me`, so their answers can stand in for this query (`me` is one cache entry).
 */
export const MeFields = graphql(`
  fragment MeFields on Me {
    roles
    missingProfileFields
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
`);

/** The signed-in person, or null: shared by the header, the layout's profile banner and the profile page. */
export const MeQuery = graphql(`
  query Me {
    me {
      ...MeFields
    }
  }
`);

export const PROFILE_PATH = '/profils';
/** "Manas mācības"; the api's e-mails link to this path too. */
export const MY_TRAINING_PATH = '/manas-macibas';

/** The help page (R-SUP-2), linked from the header and the footer. */
export const HELP_PATH = '/palidziba';

/** Where the sign-in of the api sends the person back to: the page they are on. */
export function signInHref(returnTo: string): string {
  return `/auth/sign-in?returnTo=${encodeURIComponent(returnTo)}`;
}

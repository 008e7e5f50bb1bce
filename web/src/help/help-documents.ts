import { graphql } from '../gql';

/** What staff set for the help page: the school's video guide. */
export const HelpSettingsQuery = graphql(`
  query HelpSettings {
    helpSettings {
      videoUrl
    }
  }
`);

import { graphql } from '../../gql';
import type { HelpSettingsFieldsFragment } from '../../gql/graphql';
import { pick, trimmedOrNull, type ResourceApi } from '../../data/resourceApi';

export type HelpSettings = HelpSettingsFieldsFragment;

// Spread by name below: codegen adds the fragment to the documents that use it.
graphql(`
  fragment HelpSettingsFields on HelpSettings {
    videoUrl
    updatedAt
  }
`);

/** The portal help page's settings (R-SUP-2): one record, read and saved as a whole. */
export const helpSettingsApi: ResourceApi = {
  filter: () => ({}),
  toInput: (values) => pick(values, ['videoUrl'], { videoUrl: trimmedOrNull }),
  queries: {
    current: {
      field: 'helpSettings',
      document: graphql(`
        query AdminHelpSettings {
          helpSettings {
            ...HelpSettingsFields
          }
        }
      `),
    },
  },
  mutations: {
    update: {
      field: 'updateHelpSettings',
      document: graphql(`
        mutation AdminUpdateHelpSettings($input: HelpSettingsInput!) {
          updateHelpSettings(input: $input) {
            ...HelpSettingsFields
          }
        }
      `),
    },
  },
};

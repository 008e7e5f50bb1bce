import { gql } from '@apollo/client';
import { pick, trimmedOrNull, type ResourceApi } from '../../data/resourceApi';

export interface HelpSettings {
  videoUrl: string | null;
  updatedAt: string | null;
}

const HELP_SETTINGS = gql`
  fragment HelpSettingsFields on HelpSettings {
    videoUrl
    updatedAt
  }
`;

/** The portal help page's settings (R-SUP-2): one record, read and saved as a whole. */
export const helpSettingsApi: ResourceApi = {
  filter: () => ({}),
  toInput: (values) => pick(values, ['videoUrl'], { videoUrl: trimmedOrNull }),
  queries: {
    current: {
      field: 'helpSettings',
      document: gql`
        query AdminHelpSettings {
          helpSettings {
            ...HelpSettingsFields
          }
        }
        ${HELP_SETTINGS}
      `,
    },
  },
  mutations: {
    update: {
      field: 'updateHelpSettings',
      document: gql`
        mutation AdminUpdateHelpSettings($input: HelpSettingsInput!) {
          updateHelpSettings(input: $input) {
            ...HelpSettingsFields
          }
        }
        ${HELP_SETTINGS}
      `,
    },
  },
};

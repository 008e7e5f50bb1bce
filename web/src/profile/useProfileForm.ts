import { useMutation } from '@apollo/client/react';
import type { ProfileInput, UpdateMyProfileMutation as UpdateResult } from '../gql/graphql';
import { ProfileQuery, UpdateMyProfileMutation } from './profile-documents';
import { useSubmitForm, type ProfileForm } from './useSubmitForm';

export type { ProfileForm } from './useSubmitForm';
export type SavedMe = UpdateResult['updateMyProfile'];

/** One form of the profile page: saves its part of the profile with updateMyProfile (see useSubmitForm). */
export function useProfileForm({
  fields,
  input,
  savedMessage,
  onSaved,
}: {
  /** The api's names of this form's fields with their labels, in screen order. */
  fields: Readonly<Record<string, string>>;
  /** What to send, read at submit time. */
  input: () => ProfileInput;
  /** The announcement after a save; may depend on what was saved. */
  savedMessage: (saved: SavedMe) => string;
  /** Takes the api's cleaned values (trimmed, e-mail in lower case) into the form. */
  onSaved?: (saved: SavedMe) => void;
}): ProfileForm {
  const [update] = useMutation(UpdateMyProfileMutation);
  return useSubmitForm<SavedMe>({
    fields,
    savedMessage,
    onSaved,
    submit: async () => {
      const { data } = await update({
        variables: { input: input() },
        // The answer carries the whole profile: it replaces `me`, so the header and the banner follow.
        update: (cache, { data }) => {
          if (data) cache.writeQuery({ query: ProfileQuery, data: { me: data.updateMyProfile } });
        },
      });
      if (!data) throw new Error('updateMyProfile answered without data');
      return data.updateMyProfile;
    },
  });
}

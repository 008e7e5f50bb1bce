import { AutocompleteInput, ReferenceInput, SimpleForm, TextInput, useRecordContext, type RedirectionSideEffect } from 'react-admin';
import { SaveDeleteToolbar, SaveOnlyToolbar } from '../../components/toolbars';
import { endAfterStart, httpUrl, placeOrLink, required } from '../../validation';
import { keepUserEdits } from '../../components/formOptions';
import { ConflictsNotice } from './ScheduleConflicts';
import { RigaDateTimeInput } from '../../components/RigaDateTimeInput';

/** After saving or deleting a session, go back to its group's sessions. */
export const toGroupSessions: RedirectionSideEffect = (_resource, _id, data) => (data?.groupId ? `groups/${data.groupId}/sessions` : 'sessions');

/** The delete side effect gets no record, so the group comes from the form's record. */
const EditToolbar = () => {
  const session = useRecordContext();
  const groupId = session?.groupId;
  return <SaveDeleteToolbar deleteRedirect={() => (groupId ? `groups/${groupId}/sessions` : 'sessions')} />;
};

export const SessionForm = ({ deletable = false }: { deletable?: boolean }) => (
  <SimpleForm resetOptions={keepUserEdits} sx={{ maxWidth: 640 }} toolbar={deletable ? <EditToolbar /> : <SaveOnlyToolbar />}>
    <ConflictsNotice />
    <ReferenceInput source="groupId" reference="groups">
      <AutocompleteInput validate={required()} />
    </ReferenceInput>
    <RigaDateTimeInput source="startsAt" validate={required()} helperText="mps.help.localTime" />
    <RigaDateTimeInput source="endsAt" validate={[required(), endAfterStart]} />
    <ReferenceInput source="placeId" reference="places" perPage={100}>
      <AutocompleteInput validate={placeOrLink} helperText="mps.help.placeOrLink" />
    </ReferenceInput>
    <TextInput source="onlineUrl" type="url" validate={httpUrl()} />
    <ReferenceInput source="lecturerId" reference="lecturers" perPage={100}>
      <AutocompleteInput />
    </ReferenceInput>
  </SimpleForm>
);

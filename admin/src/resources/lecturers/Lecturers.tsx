import { AutocompleteInput, Create, DataTable, Edit, EmailField, List, ReferenceInput, SearchInput, SimpleForm, TextInput, TopToolbar } from 'react-admin';
import { ReportLink } from '../questionnaires/QuestionnaireReports';
import { SaveOnlyToolbar } from '../../components/toolbars';
import { email, length, maxLength, required } from '../../validation';
import { keepUserEdits } from '../../components/formOptions';

/** The API lists lecturers by name and does not sort otherwise. */
export const LecturerList = () => (
  <List filters={[<SearchInput key="q" source="q" alwaysOn />]} perPage={25}>
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="name" disableSort />
      <DataTable.Col source="email" disableSort>
        <EmailField source="email" />
      </DataTable.Col>
    </DataTable>
  </List>
);

const LecturerForm = () => (
  <SimpleForm resetOptions={keepUserEdits} sx={{ maxWidth: 640 }} toolbar={<SaveOnlyToolbar />}>
    <TextInput source="name" validate={[required(), length(2, 200)]} />
    <TextInput source="email" type="email" validate={[email(), maxLength(254)]} />
    {/* The person who signs in as this lecturer: they get the lecturer's view of their sessions (R-ID-7). */}
    <ReferenceInput source="personId" reference="people">
      <AutocompleteInput helperText="mps.help.lecturerPerson" filterToQuery={(q: string) => ({ q })} />
    </ReferenceInput>
  </SimpleForm>
);

export const LecturerEdit = () => (
  <Edit
    mutationMode="pessimistic"
    actions={
      <TopToolbar>
        <ReportLink scope="lecturerId" />
      </TopToolbar>
    }
  >
    <LecturerForm />
  </Edit>
);

export const LecturerCreate = () => (
  <Create redirect="list">
    <LecturerForm />
  </Create>
);

import { BulkDeleteButton, Create, DataTable, Edit, List, NumberInput, SearchInput, SimpleForm, TextInput } from 'react-admin';
import { SaveDeleteToolbar, SaveOnlyToolbar } from '../../components/toolbars';
import { code, length, required, wholeNumber } from '../../validation';
import { keepUserEdits } from '../../components/formOptions';

/** The API lists topics in their sort order and does not sort otherwise. */
export const TopicList = () => (
  <List filters={[<SearchInput key="q" source="q" alwaysOn />]} perPage={25}>
    <DataTable rowClick="edit" bulkActionButtons={<BulkDeleteButton mutationMode="pessimistic" />}>
      <DataTable.Col source="code" disableSort />
      <DataTable.Col source="nameLv" disableSort />
      <DataTable.Col source="nameEn" disableSort />
      <DataTable.NumberCol source="sortOrder" disableSort />
    </DataTable>
  </List>
);

const TopicForm = ({ deletable = false }: { deletable?: boolean }) => (
  <SimpleForm
    resetOptions={keepUserEdits}
    sx={{ maxWidth: 640 }}
    toolbar={deletable ? <SaveDeleteToolbar /> : <SaveOnlyToolbar />}
    defaultValues={{ sortOrder: 0 }}
  >
    <TextInput source="code" validate={[required(), code(40)]} />
    <TextInput source="nameLv" validate={[required(), length(2, 200)]} />
    <TextInput source="nameEn" validate={[required(), length(2, 200)]} />
    <NumberInput source="sortOrder" step={1} validate={wholeNumber(-10_000, 10_000)} />
  </SimpleForm>
);

export const TopicEdit = () => (
  <Edit mutationMode="pessimistic">
    <TopicForm deletable />
  </Edit>
);

export const TopicCreate = () => (
  <Create redirect="list">
    <TopicForm />
  </Create>
);

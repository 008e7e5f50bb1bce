import { Create, DataTable, Edit, List, NumberInput, SearchInput, SimpleForm, TextInput } from 'react-admin';
import { SaveOnlyToolbar } from '../../components/toolbars';
import { length, required, wholeNumber } from '../../validation';
import { keepUserEdits } from '../../components/formOptions';

/** The API lists places by name and room and does not sort otherwise. */
export const PlaceList = () => (
  <List filters={[<SearchInput key="q" source="q" alwaysOn />]} perPage={25}>
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="name" disableSort />
      <DataTable.Col source="room" disableSort />
      <DataTable.Col source="address" disableSort />
      <DataTable.NumberCol source="capacity" disableSort />
    </DataTable>
  </List>
);

const PlaceForm = () => (
  <SimpleForm resetOptions={keepUserEdits} sx={{ maxWidth: 640 }} toolbar={<SaveOnlyToolbar />}>
    <TextInput source="name" validate={[required(), length(2, 200)]} />
    <TextInput source="nameEn" validate={length(0, 200)} />
    <TextInput source="address" validate={[required(), length(2, 300)]} />
    <TextInput source="room" helperText="resources.places.roomHelp" />
    <TextInput source="roomEn" />
    <NumberInput source="capacity" step={1} min={1} validate={[required(), wholeNumber(1, 10_000)]} />
  </SimpleForm>
);

export const PlaceEdit = () => (
  <Edit mutationMode="pessimistic">
    <PlaceForm />
  </Edit>
);

export const PlaceCreate = () => (
  <Create redirect="list">
    <PlaceForm />
  </Create>
);

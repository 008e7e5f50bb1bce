import { AutocompleteInput, BulkDeleteButton, DataTable, DateInput, List, ReferenceField, ReferenceInput } from 'react-admin';
import { DateTimeField } from '../../components/fields';
import { ConflictFlag } from './ScheduleConflicts';

const filters = [
  <ReferenceInput key="groupId" source="groupId" reference="groups" alwaysOn>
    <AutocompleteInput sx={{ minWidth: 260 }} />
  </ReferenceInput>,
  <ReferenceInput key="lecturerId" source="lecturerId" reference="lecturers">
    <AutocompleteInput sx={{ minWidth: 260 }} />
  </ReferenceInput>,
  <ReferenceInput key="placeId" source="placeId" reference="places">
    <AutocompleteInput sx={{ minWidth: 260 }} />
  </ReferenceInput>,
  <DateInput key="from" source="from" />,
  <DateInput key="to" source="to" />,
];

/** The API lists sessions in time order and does not sort otherwise. */
export const SessionList = () => (
  <List filters={filters} perPage={25}>
    <DataTable rowClick="edit" bulkActionButtons={<BulkDeleteButton mutationMode="pessimistic" />}>
      <DataTable.Col source="groupId" disableSort cellSx={() => ({ whiteSpace: 'nowrap' })}>
        <ReferenceField source="groupId" reference="groups" link={false} />
      </DataTable.Col>
      <DataTable.Col source="startsAt" disableSort cellSx={() => ({ whiteSpace: 'nowrap' })}>
        <DateTimeField source="startsAt" />
      </DataTable.Col>
      <DataTable.Col source="endsAt" disableSort cellSx={() => ({ whiteSpace: 'nowrap' })}>
        <DateTimeField source="endsAt" />
      </DataTable.Col>
      <DataTable.Col source="conflicts" disableSort>
        <ConflictFlag />
      </DataTable.Col>
      <DataTable.Col source="placeId" disableSort>
        <ReferenceField source="placeId" reference="places" link={false} />
      </DataTable.Col>
      <DataTable.Col source="lecturerId" disableSort>
        <ReferenceField source="lecturerId" reference="lecturers" link={false} />
      </DataTable.Col>
      <DataTable.Col source="onlineUrl" disableSort />
    </DataTable>
  </List>
);

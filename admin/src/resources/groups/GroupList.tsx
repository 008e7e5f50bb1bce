import { AutocompleteInput, DataTable, List, ReferenceField, ReferenceInput, SearchInput, SelectArrayInput, SelectField } from 'react-admin';
import { GROUP_STATUS_CHOICES } from '../../components/choices';
import { DateTimeField } from '../../components/fields';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectArrayInput key="statuses" source="statuses" choices={GROUP_STATUS_CHOICES} alwaysOn sx={{ minWidth: 220 }} />,
  <ReferenceInput key="courseId" source="courseId" reference="courses">
    <AutocompleteInput sx={{ minWidth: 320 }} />
  </ReferenceInput>,
];

export const GroupList = () => (
  <List filters={filters} sort={{ field: 'startsAt', order: 'DESC' }} perPage={25}>
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="code" cellSx={() => ({ whiteSpace: 'nowrap' })} />
      <DataTable.Col source="courseId" disableSort>
        <ReferenceField source="courseId" reference="courses" link={false} />
      </DataTable.Col>
      <DataTable.Col source="status">
        <SelectField source="status" choices={GROUP_STATUS_CHOICES} />
      </DataTable.Col>
      <DataTable.Col source="startsAt" cellSx={() => ({ whiteSpace: 'nowrap' })}>
        <DateTimeField source="startsAt" />
      </DataTable.Col>
      <DataTable.Col source="seats" disableSort align="right" render={(group) => `${group.seatsTaken}/${group.maxSize}`} />
    </DataTable>
  </List>
);

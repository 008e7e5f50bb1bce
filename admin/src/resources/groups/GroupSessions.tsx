import { Box } from '@mui/material';
import { CreateButton, DataTable, Pagination, ReferenceField, ReferenceManyField, useRecordContext } from 'react-admin';
import { DateTimeField } from '../../components/fields';
import { ConflictFlag } from '../sessions/ScheduleConflicts';

/** A group's sessions in time order, and a button that adds one to this group. */
export const GroupSessions = () => {
  const group = useRecordContext();
  if (!group) return null;
  return (
    <Box sx={{ width: '100%' }}>
      <ReferenceManyField reference="sessions" target="groupId" perPage={50} pagination={<Pagination />}>
        <DataTable rowClick="edit" bulkActionButtons={false}>
          <DataTable.Col source="startsAt" disableSort>
            <DateTimeField source="startsAt" />
          </DataTable.Col>
          <DataTable.Col source="endsAt" disableSort>
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
      </ReferenceManyField>
      <CreateButton resource="sessions" state={{ record: { groupId: group.id } }} label="mps.actions.addSession" sx={{ mt: 2 }} />
    </Box>
  );
};

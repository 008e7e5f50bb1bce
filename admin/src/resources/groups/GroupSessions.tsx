import FactCheckIcon from '@mui/icons-material/FactCheck';
import type { MouseEvent } from 'react';
import { Box } from '@mui/material';
import { Button, CreateButton, DataTable, Link, Pagination, ReferenceField, ReferenceManyField, useRecordContext } from 'react-admin';
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
          <DataTable.Col label="resources.attendance.name" disableSort>
            <AttendanceLink />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
      <CreateButton resource="sessions" state={{ record: { groupId: group.id } }} label="mps.actions.addSession" sx={{ mt: 2 }} />
    </Box>
  );
};

/** Opens the session's attendance page ("Apmeklējums") without opening the session's form. */
const AttendanceLink = () => {
  const session = useRecordContext();
  if (!session) return null;
  return (
    <Button
      component={Link}
      to={`/attendance/${session.id}`}
      label="resources.attendance.name"
      startIcon={<FactCheckIcon />}
      onClick={(event: MouseEvent) => event.stopPropagation()}
      size="small"
    />
  );
};

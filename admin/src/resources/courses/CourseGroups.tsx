import { Box } from '@mui/material';
import { CreateButton, DataTable, Pagination, ReferenceManyField, SelectField, useRecordContext } from 'react-admin';
import { GROUP_STATUS_CHOICES } from '../../components/choices';
import { DateTimeField } from '../../components/fields';

/** A course's groups, newest first, and a button that starts a group of this course. */
export const CourseGroups = () => {
  const course = useRecordContext();
  if (!course) return null;
  return (
    <Box sx={{ width: '100%' }}>
      <ReferenceManyField reference="groups" target="courseId" sort={{ field: 'startsAt', order: 'DESC' }} perPage={25} pagination={<Pagination />}>
        <DataTable rowClick="edit" bulkActionButtons={false}>
          <DataTable.Col source="code" />
          <DataTable.Col source="status">
            <SelectField source="status" choices={GROUP_STATUS_CHOICES} />
          </DataTable.Col>
          <DataTable.Col source="startsAt">
            <DateTimeField source="startsAt" />
          </DataTable.Col>
          <DataTable.Col source="seats" disableSort render={(group) => `${group.seatsTaken}/${group.maxSize}`} />
        </DataTable>
      </ReferenceManyField>
      <CreateButton resource="groups" state={{ record: { courseId: course.id } }} label="mps.actions.createGroup" sx={{ mt: 2 }} />
    </Box>
  );
};

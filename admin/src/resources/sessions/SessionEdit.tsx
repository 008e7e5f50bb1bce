import { Create, Edit } from 'react-admin';
import { SessionForm, toGroupSessions } from './SessionForm';
import { ScheduleConflictDialog, useScheduleConflicts } from './ScheduleConflicts';

export const SessionEdit = () => {
  const conflicts = useScheduleConflicts();
  return (
    <Edit mutationMode="pessimistic" redirect={toGroupSessions} mutationOptions={{ onError: conflicts.onError }}>
      <SessionForm deletable />
      <ScheduleConflictDialog refused={conflicts.refused} close={conflicts.close} />
    </Edit>
  );
};

export const SessionCreate = () => {
  const conflicts = useScheduleConflicts();
  return (
    <Create redirect={toGroupSessions} mutationOptions={{ onError: conflicts.onError }}>
      <SessionForm />
      <ScheduleConflictDialog refused={conflicts.refused} close={conflicts.close} />
    </Create>
  );
};

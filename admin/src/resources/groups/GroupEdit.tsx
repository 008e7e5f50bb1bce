import EventBusyIcon from '@mui/icons-material/EventBusy';
import { Create, Edit, TopToolbar, useRecordContext } from 'react-admin';
import { ConfirmedAction } from '../../components/ConfirmedAction';
import { ReportLink } from '../questionnaires/QuestionnaireReports';
import { InviteToTestAction } from '../knowledgeTests/InviteToTest';
import { ResultsLink } from '../knowledgeTests/KnowledgeTests';
import { GroupForm } from './GroupForm';

/** Cancelling tells the group's participants and lecturers, with the reason, and removes their calendar entries. */
const CancelGroupAction = () => {
  const group = useRecordContext();
  if (!group || group.status === 'CANCELLED' || group.status === 'COMPLETED') return null;
  return (
    <ConfirmedAction
      resource="groups"
      action="cancel"
      id={String(group.id)}
      label="mps.groups.cancel"
      icon={<EventBusyIcon />}
      title="mps.groups.cancelTitle"
      content="mps.groups.cancelContent"
      messageArgs={{ code: group.code }}
      done="mps.groups.cancelled"
      color="error"
      cancelLabel="ra.action.close"
      textInput={{ variable: 'reason', label: 'mps.groups.cancellationReason', helperText: 'mps.help.cancellationReason', maxLength: 1000 }}
    />
  );
};

const GroupEditActions = () => (
  <TopToolbar>
    <ReportLink scope="groupId" />
    <ResultsLink scope="groupId" />
    <InviteToTestAction />
    <CancelGroupAction />
  </TopToolbar>
);

export const GroupEdit = () => (
  <Edit mutationMode="pessimistic" actions={<GroupEditActions />}>
    <GroupForm withSessions />
  </Edit>
);

export const GroupCreate = () => (
  <Create redirect="edit">
    <GroupForm />
  </Create>
);

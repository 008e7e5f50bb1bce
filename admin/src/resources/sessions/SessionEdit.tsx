import { Create, Edit } from 'react-admin';
import { SessionForm, toGroupSessions } from './SessionForm';

export const SessionEdit = () => (
  <Edit mutationMode="pessimistic" redirect={toGroupSessions}>
    <SessionForm deletable />
  </Edit>
);

export const SessionCreate = () => (
  <Create redirect={toGroupSessions}>
    <SessionForm />
  </Create>
);

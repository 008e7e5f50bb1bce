import { Create, Edit } from 'react-admin';
import { GroupForm } from './GroupForm';

export const GroupEdit = () => (
  <Edit mutationMode="pessimistic">
    <GroupForm withSessions />
  </Edit>
);

export const GroupCreate = () => (
  <Create redirect="edit">
    <GroupForm />
  </Create>
);

import { Create, Edit } from 'react-admin';
import { CourseForm } from './CourseForm';

export const CourseEdit = () => (
  <Edit mutationMode="pessimistic">
    <CourseForm withGroups />
  </Edit>
);

export const CourseCreate = () => (
  <Create redirect="edit">
    <CourseForm />
  </Create>
);

import { Create, Edit, TopToolbar } from 'react-admin';
import { ReportLink } from '../questionnaires/QuestionnaireReports';
import { CourseForm } from './CourseForm';

export const CourseEdit = () => (
  <Edit
    mutationMode="pessimistic"
    actions={
      <TopToolbar>
        <ReportLink scope="courseId" />
      </TopToolbar>
    }
  >
    <CourseForm withGroups />
  </Edit>
);

export const CourseCreate = () => (
  <Create redirect="edit">
    <CourseForm />
  </Create>
);

import { Create, Edit, TopToolbar } from 'react-admin';
import { MaterialsLinks } from '../courseMaterials/CourseMaterials';
import { ReportLink } from '../questionnaires/QuestionnaireReports';
import { CourseForm } from './CourseForm';

export const CourseEdit = () => (
  <Edit
    mutationMode="pessimistic"
    actions={
      <TopToolbar>
        <ReportLink scope="courseId" />
        <MaterialsLinks />
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

import {
  BooleanField,
  ChipField,
  NumberField,
  ReferenceArrayField,
  ReferenceField,
  SelectField,
  Show,
  SingleFieldList,
  TabbedShowLayout,
  TextField,
  usePermissions,
} from 'react-admin';
import { isStaff } from '../../auth/access';
import { FORMAT_CHOICES, LANGUAGE_CHOICES, VISIBILITY_CHOICES } from '../../components/choices';
import { DateTimeField, EuroField } from '../../components/fields';
import { CourseGroups } from './CourseGroups';

const texts = (lang: 'Lv' | 'En') => [
  <TextField key="title" source={`title${lang}`} />,
  <TextField key="summary" source={`summary${lang}`} />,
  <TextField key="description" source={`description${lang}`} sx={{ whiteSpace: 'pre-line' }} />,
  <TextField key="audience" source={`targetAudience${lang}`} />,
];

/** Read-only view of a course: what coordinators get, and staff too when they only want to look. */
export const CourseShow = () => {
  const { permissions } = usePermissions();
  const staff = isStaff(permissions);
  return (
    <Show>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="mps.tabs.general">
          <TextField source="code" />
          <ReferenceField source="topicId" reference="topics" link={false} />
          <SelectField source="format" choices={FORMAT_CHOICES} />
          <SelectField source="language" choices={LANGUAGE_CHOICES} />
          <NumberField source="hours" />
          <EuroField source="priceEuro" label="resources.courses.fields.price" />
          <SelectField source="visibility" choices={VISIBILITY_CHOICES} />
          <ReferenceArrayField source="allowedInstitutionIds" reference="institutions">
            <SingleFieldList linkType={false}>
              <ChipField source="name" />
            </SingleFieldList>
          </ReferenceArrayField>
          <BooleanField source="hasDate" />
          <DateTimeField source="nextSessionStartsAt" />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="mps.tabs.textsLv" path="lv">
          {texts('Lv')}
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="mps.tabs.textsEn" path="en">
          {texts('En')}
        </TabbedShowLayout.Tab>
        {staff ? (
          <TabbedShowLayout.Tab label="mps.tabs.groups" path="groups">
            <CourseGroups />
          </TabbedShowLayout.Tab>
        ) : null}
      </TabbedShowLayout>
    </Show>
  );
};

import {
  BooleanField,
  DataTable,
  List,
  NullableBooleanInput,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectField,
  SelectInput,
  TextInput,
  usePermissions,
} from 'react-admin';
import { isStaff } from '../../auth/access';
import { FORMAT_CHOICES, LANGUAGE_CHOICES, PRICE_CHOICES, VISIBILITY_CHOICES } from '../../components/choices';
import { EuroField } from '../../components/fields';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="topicId" source="topicId" reference="topics" alwaysOn>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <SelectInput key="format" source="format" choices={FORMAT_CHOICES} />,
  <SelectInput key="language" source="language" choices={LANGUAGE_CHOICES} />,
  <SelectInput key="visibility" source="visibility" choices={VISIBILITY_CHOICES} />,
  <SelectInput key="price" source="price" choices={PRICE_CHOICES} />,
  <NullableBooleanInput key="hasDate" source="hasDate" />,
  <TextInput key="month" source="month" type="month" />,
];

/** The catalog. Staff open a course to edit it; coordinators only to read it. */
export const CourseList = () => {
  const { permissions } = usePermissions();
  return (
    <List filters={filters} sort={{ field: 'title', order: 'ASC' }} perPage={25}>
      <DataTable rowClick={isStaff(permissions) ? 'edit' : 'show'} bulkActionButtons={false}>
        <DataTable.Col source="code" cellSx={() => ({ whiteSpace: 'nowrap' })} />
        <DataTable.Col source="title" />
        <DataTable.Col source="topicId" disableSort>
          <ReferenceField source="topicId" reference="topics" link={false} />
        </DataTable.Col>
        <DataTable.Col source="format" disableSort>
          <SelectField source="format" choices={FORMAT_CHOICES} />
        </DataTable.Col>
        <DataTable.Col source="language" disableSort>
          <SelectField source="language" choices={LANGUAGE_CHOICES} />
        </DataTable.Col>
        <DataTable.NumberCol source="hours" />
        <DataTable.Col source="priceEuro" label="resources.courses.fields.price" align="right">
          <EuroField source="priceEuro" />
        </DataTable.Col>
        <DataTable.Col source="visibility" disableSort>
          <SelectField source="visibility" choices={VISIBILITY_CHOICES} />
        </DataTable.Col>
        <DataTable.Col source="hasDate" disableSort>
          <BooleanField source="hasDate" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

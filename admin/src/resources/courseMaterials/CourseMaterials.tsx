import AttachFileIcon from '@mui/icons-material/AttachFile';
import {
  AutocompleteInput,
  Button,
  Create,
  CreateButton,
  DataTable,
  Edit,
  FileField,
  FileInput,
  FormDataConsumer,
  FunctionField,
  Labeled,
  Link,
  List,
  NumberInput,
  RadioButtonGroupInput,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectField,
  SimpleForm,
  TextInput,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { CreateToolbar, SaveDeleteToolbar } from '../../components/toolbars';
import { keepUserEdits } from '../../components/formOptions';
import { length, required, wholeNumber } from '../../validation';

export const MATERIAL_VISIBILITY_CHOICES = [
  { id: 'PUBLIC', name: 'mps.courseMaterials.visibility.PUBLIC' },
  { id: 'PARTICIPANTS', name: 'mps.courseMaterials.visibility.PARTICIPANTS' },
];
const KIND_CHOICES = [
  { id: 'LINK', name: 'mps.courseMaterials.kind.LINK' },
  { id: 'FILE', name: 'mps.courseMaterials.kind.FILE' },
];
/** What the api accepts (api/src/modules/catalog/material-files.ts); the server checks again. */
const ACCEPT = '.pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,.doc,.xls,.ppt,.zip,.png,.jpg,.jpeg,.txt,.csv';

const sizeText = (bytes: number | null | undefined) =>
  bytes == null ? '' : bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="courseId" source="courseId" reference="courses" alwaysOn>
    <AutocompleteInput sx={{ minWidth: 320 }} />
  </ReferenceInput>,
];

export const CourseMaterialList = () => (
  <List filters={filters} perPage={25}>
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="titleLv" disableSort />
      <DataTable.Col source="courseId" disableSort>
        <ReferenceField source="courseId" reference="courses" link={false} />
      </DataTable.Col>
      <DataTable.Col source="groupId" disableSort render={(material) => material.group?.code ?? ''} />
      <DataTable.Col source="visibility" disableSort>
        <SelectField source="visibility" choices={MATERIAL_VISIBILITY_CHOICES} />
      </DataTable.Col>
      <DataTable.Col source="kind" disableSort>
        <FunctionField<RaRecord>
          source="kind"
          render={(material) => (material.kind === 'FILE' ? `${material.fileName} (${sizeText(material.sizeBytes)})` : material.url)}
        />
      </DataTable.Col>
    </DataTable>
  </List>
);

/** Only this course's groups; none: the material is for the whole course. */
const GroupChoice = () => (
  <FormDataConsumer>
    {({ formData }) =>
      formData.courseId ? (
        <ReferenceInput source="groupId" reference="groups" filter={{ courseId: formData.courseId }}>
          <AutocompleteInput optionText="code" helperText="mps.courseMaterials.groupHelp" />
        </ReferenceInput>
      ) : null
    }
  </FormDataConsumer>
);

const Texts = () => (
  <>
    <TextInput source="titleLv" validate={[required(), length(1, 200)]} fullWidth />
    <TextInput source="titleEn" validate={length(0, 200)} fullWidth />
    <TextInput source="descriptionLv" multiline minRows={2} validate={length(0, 2000)} fullWidth />
    <TextInput source="descriptionEn" multiline minRows={2} validate={length(0, 2000)} fullWidth />
    <RadioButtonGroupInput source="visibility" choices={MATERIAL_VISIBILITY_CHOICES} validate={required()} />
  </>
);

const FilePicker = ({ replacing }: { replacing: boolean }) => {
  const translate = useTranslate();
  return (
    <FileInput
      source="file"
      // The drop zone's own file input has no label of its own.
      inputProps={{ 'aria-label': translate('resources.courseMaterials.fields.file') }}
      accept={{ 'application/octet-stream': ACCEPT.split(',') }}
      validate={replacing ? undefined : required()}
      helperText={replacing ? 'mps.courseMaterials.replaceHelp' : 'mps.courseMaterials.fileHelp'}
    >
      <FileField source="src" title="title" />
    </FileInput>
  );
};

/** A course page's "add material" passes the course in the location state (react-admin's create defaults). */
export const CourseMaterialCreate = () => {
  return (
    <Create redirect="list">
      <SimpleForm toolbar={<CreateToolbar />} defaultValues={{ kind: 'LINK', visibility: 'PARTICIPANTS' }} sx={{ maxWidth: 720 }}>
        <ReferenceInput source="courseId" reference="courses">
          <AutocompleteInput validate={required()} sx={{ minWidth: 420 }} />
        </ReferenceInput>
        <GroupChoice />
        <Texts />
        <RadioButtonGroupInput source="kind" choices={KIND_CHOICES} />
        <FormDataConsumer>
          {({ formData }) =>
            formData.kind === 'FILE' ? <FilePicker replacing={false} /> : <TextInput source="url" type="url" validate={required()} fullWidth />
          }
        </FormDataConsumer>
      </SimpleForm>
    </Create>
  );
};

const CurrentFile = () => {
  const material = useRecordContext();
  const translate = useTranslate();
  if (!material || material.kind !== 'FILE') return null;
  return (
    <Labeled label="mps.courseMaterials.currentFile">
      <a href={material.url} target="_blank" rel="noopener noreferrer">
        {material.fileName} ({sizeText(material.sizeBytes)}){' '}
        <span style={{ position: 'absolute', left: -10000 }}>{translate('mps.courseMaterials.opensInNewTab')}</span>
      </a>
    </Labeled>
  );
};

const EditKind = () => {
  const material = useRecordContext();
  if (!material) return null;
  return material.kind === 'FILE' ? (
    <>
      <CurrentFile />
      <FilePicker replacing />
    </>
  ) : (
    <TextInput source="url" type="url" validate={required()} fullWidth />
  );
};

export const CourseMaterialEdit = () => (
  <Edit mutationMode="pessimistic">
    <SimpleForm resetOptions={keepUserEdits} toolbar={<SaveDeleteToolbar />} sx={{ maxWidth: 720 }}>
      <ReferenceInput source="courseId" reference="courses">
        <AutocompleteInput disabled sx={{ minWidth: 420 }} />
      </ReferenceInput>
      <GroupChoice />
      <Texts />
      <EditKind />
      <NumberInput source="position" step={1} validate={wholeNumber(-10_000, 10_000)} />
    </SimpleForm>
  </Edit>
);

/** On a course's page: its materials, and adding one to it. */
export const MaterialsLinks = () => {
  const course = useRecordContext();
  if (!course) return null;
  const filter = encodeURIComponent(JSON.stringify({ courseId: course.id }));
  return (
    <>
      <Button component={Link} to={`/courseMaterials?filter=${filter}`} label="mps.courseMaterials.open" startIcon={<AttachFileIcon />} />
      <CreateButton resource="courseMaterials" state={{ record: { courseId: course.id } }} label="mps.courseMaterials.add" />
    </>
  );
};

import PublishIcon from '@mui/icons-material/Publish';
import { Alert, Stack } from '@mui/material';
import {
  ArrayInput,
  BooleanInput,
  Create,
  DataTable,
  Edit,
  FormDataConsumer,
  List,
  SearchInput,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  TopToolbar,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { ConfirmedAction } from '../../components/ConfirmedAction';
import { QUESTION_KIND_CHOICES } from '../../components/choices';
import { useRigaTime } from '../../components/fields';
import { keepUserEdits } from '../../components/formOptions';
import { CreateToolbar, SaveOnlyToolbar } from '../../components/toolbars';
import { length, maxLength, required } from '../../validation';
import { CHOICE_KINDS } from './documents';

/** The API lists questionnaires by title. */
export const QuestionnaireList = () => {
  const time = useRigaTime();
  const translate = useTranslate();
  return (
    <List filters={[<SearchInput key="q" source="q" alwaysOn />]} perPage={25}>
      <DataTable rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col source="title" disableSort />
        <DataTable.Col
          source="publishedNumber"
          disableSort
          render={(r: RaRecord) => (r.publishedNumber ? translate('mps.questionnaires.versionNumber', { number: r.publishedNumber }) : '—')}
        />
        <DataTable.Col source="draftNumber" disableSort render={(r: RaRecord) => (r.draftNumber ? translate('mps.questionnaires.hasDraft') : '—')} />
        <DataTable.NumberCol source="questionCount" disableSort />
        <DataTable.Col source="updatedAt" disableSort render={(r: RaRecord) => time(r.updatedAt)} />
      </DataTable>
    </List>
  );
};

/** Where the questions being edited come from, and what saving and publishing do with them. */
const VersionState = () => {
  const translate = useTranslate();
  const time = useRigaTime();
  const record = useRecordContext();
  if (!record) return null;
  const published = record.publishedNumber ? translate('mps.questionnaires.published', { number: record.publishedNumber, at: time(record.publishedAt) }) : null;
  const editing = record.draftNumber
    ? translate('mps.questionnaires.editingDraft', { number: record.draftNumber })
    : translate('mps.questionnaires.editingPublished', { number: (record.publishedNumber ?? 0) + 1 });
  return (
    <Alert severity={record.draftNumber ? 'warning' : 'info'} sx={{ mb: 2 }}>
      {published ? `${published} ` : ''}
      {editing}
    </Alert>
  );
};

/** Publishing makes the draft the version new invitations use; a published version never changes. */
const PublishAction = () => {
  const record = useRecordContext();
  if (!record?.draftNumber) return null;
  return (
    <ConfirmedAction
      resource="questionnaires"
      action="publish"
      id={String(record.id)}
      label="mps.questionnaires.publish"
      icon={<PublishIcon />}
      title="mps.questionnaires.publishTitle"
      content="mps.questionnaires.publishContent"
      messageArgs={{ number: record.draftNumber }}
      done="mps.questionnaires.publishedDone"
    />
  );
};

const QuestionFields = () => (
  <ArrayInput source="questions" label="resources.questionnaires.fields.questions">
    <SimpleFormIterator getItemLabel={(index) => `${index + 1}.`} fullWidth>
      <SelectInput source="kind" choices={QUESTION_KIND_CHOICES} validate={required()} label="resources.questionnaires.fields.kind" />
      <TextInput source="textLv" validate={[required(), length(1, 1000)]} multiline fullWidth label="resources.questionnaires.fields.textLv" />
      <TextInput source="textEn" validate={maxLength(1000)} multiline fullWidth label="resources.questionnaires.fields.textEn" />
      <BooleanInput source="required" label="resources.questionnaires.fields.required" />
      <FormDataConsumer>
        {({ scopedFormData }) =>
          CHOICE_KINDS.includes(String(scopedFormData?.kind)) ? (
            <ArrayInput source="options" label="resources.questionnaires.fields.options" helperText="mps.questionnaires.optionsHelp">
              <SimpleFormIterator inline>
                <TextInput source="textLv" validate={[required(), length(1, 300)]} label="resources.questionnaires.fields.optionLv" />
                <TextInput source="textEn" validate={maxLength(300)} label="resources.questionnaires.fields.optionEn" />
              </SimpleFormIterator>
            </ArrayInput>
          ) : null
        }
      </FormDataConsumer>
    </SimpleFormIterator>
  </ArrayInput>
);

export const QuestionnaireEdit = () => (
  <Edit
    mutationMode="pessimistic"
    actions={
      <TopToolbar>
        <PublishAction />
      </TopToolbar>
    }
  >
    <SimpleForm resetOptions={keepUserEdits} toolbar={<SaveOnlyToolbar />} sx={{ maxWidth: 960 }}>
      <VersionState />
      <TextInput source="title" validate={[required(), length(1, 200)]} fullWidth />
      <QuestionFields />
    </SimpleForm>
  </Edit>
);

export const QuestionnaireCreate = () => (
  <Create redirect="edit">
    <SimpleForm toolbar={<CreateToolbar />} sx={{ maxWidth: 960 }} defaultValues={{ questions: [{ kind: 'SCALE', required: true }] }}>
      <Stack sx={{ width: '100%' }}>
        <Alert severity="info" sx={{ mb: 2 }}>
          <CreateHint />
        </Alert>
      </Stack>
      <TextInput source="title" validate={[required(), length(1, 200)]} fullWidth />
      <QuestionFields />
    </SimpleForm>
  </Create>
);

const CreateHint = () => <>{useTranslate()('mps.questionnaires.createHint')}</>;

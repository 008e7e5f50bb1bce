import AssessmentIcon from '@mui/icons-material/Assessment';
import PublishIcon from '@mui/icons-material/Publish';
import { Alert } from '@mui/material';
import {
  ArrayInput,
  BooleanInput,
  Button,
  Create,
  DataTable,
  Edit,
  Link,
  List,
  NumberInput,
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
import { TEST_QUESTION_KIND_CHOICES } from '../../components/choices';
import { useRigaTime } from '../../components/fields';
import { keepUserEdits } from '../../components/formOptions';
import { CreateToolbar, SaveOnlyToolbar } from '../../components/toolbars';
import { length, maxLength, required } from '../../validation';

/** The API lists tests by their Latvian title. */
export const KnowledgeTestList = () => {
  const time = useRigaTime();
  const translate = useTranslate();
  return (
    <List filters={[<SearchInput key="q" source="q" alwaysOn />]} perPage={25}>
      <DataTable rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col source="titleLv" disableSort />
        <DataTable.Col
          source="publishedAt"
          disableSort
          render={(r: RaRecord) => (r.publishedAt ? time(r.publishedAt) : translate('mps.knowledgeTests.draft'))}
        />
        <DataTable.NumberCol source="questionCount" disableSort />
        <DataTable.NumberCol source="passPercent" disableSort />
        <DataTable.NumberCol source="attemptsAllowed" disableSort />
        <DataTable.Col source="timeLimitMinutes" disableSort render={(r: RaRecord) => r.timeLimitMinutes ?? '—'} />
      </DataTable>
    </List>
  );
};

/** Whether people can take it, and whether its questions can still change. */
const TestState = () => {
  const translate = useTranslate();
  const time = useRigaTime();
  const record = useRecordContext();
  if (!record) return null;
  if (record.hasAttempts)
    return (
      <Alert severity="warning" sx={{ mb: 2 }}>
        {translate('mps.knowledgeTests.locked')}
      </Alert>
    );
  return (
    <Alert severity="info" sx={{ mb: 2 }}>
      {record.publishedAt ? translate('mps.knowledgeTests.published', { at: time(record.publishedAt) }) : translate('mps.knowledgeTests.unpublished')}
    </Alert>
  );
};

const PublishAction = () => {
  const record = useRecordContext();
  if (!record || record.publishedAt) return null;
  return (
    <ConfirmedAction
      resource="knowledgeTests"
      action="publish"
      id={String(record.id)}
      label="mps.knowledgeTests.publish"
      icon={<PublishIcon />}
      title="mps.knowledgeTests.publishTitle"
      content="mps.knowledgeTests.publishContent"
      done="mps.knowledgeTests.publishedDone"
    />
  );
};

/** To the results of the test (or, on a group's page, of the group). */
export const ResultsLink = ({ scope }: { scope: 'testId' | 'groupId' }) => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Button
      component={Link}
      to={`/knowledgeTestResults?${scope}=${encodeURIComponent(String(record.id))}`}
      label="mps.knowledgeTests.results"
      startIcon={<AssessmentIcon />}
    />
  );
};

const SettingsFields = () => (
  <>
    <TextInput source="titleLv" validate={[required(), length(1, 200)]} fullWidth />
    <TextInput source="titleEn" validate={maxLength(200)} fullWidth />
    <TextInput source="instructionsLv" validate={maxLength(4000)} multiline fullWidth />
    <TextInput source="instructionsEn" validate={maxLength(4000)} multiline fullWidth />
    <NumberInput source="passPercent" validate={required()} min={0} max={100} step={1} helperText="mps.knowledgeTests.passPercentHelp" />
    <NumberInput source="attemptsAllowed" validate={required()} min={1} max={20} step={1} />
    <NumberInput source="timeLimitMinutes" min={1} max={600} step={1} helperText="mps.knowledgeTests.timeLimitHelp" />
  </>
);

const QuestionFields = () => (
  <ArrayInput source="questions" label="resources.knowledgeTests.fields.questions" helperText="mps.knowledgeTests.scoringHelp">
    <SimpleFormIterator getItemLabel={(index) => `${index + 1}.`} fullWidth>
      <SelectInput source="kind" choices={TEST_QUESTION_KIND_CHOICES} validate={required()} label="resources.knowledgeTests.fields.kind" />
      <TextInput source="textLv" validate={[required(), length(1, 1000)]} multiline fullWidth label="resources.knowledgeTests.fields.textLv" />
      <TextInput source="textEn" validate={maxLength(1000)} multiline fullWidth label="resources.knowledgeTests.fields.textEn" />
      <NumberInput source="points" validate={required()} min={1} max={100} step={1} label="resources.knowledgeTests.fields.points" />
      <ArrayInput source="options" label="resources.knowledgeTests.fields.options" helperText="mps.knowledgeTests.optionsHelp">
        <SimpleFormIterator inline>
          <TextInput source="textLv" validate={[required(), length(1, 300)]} label="resources.knowledgeTests.fields.optionLv" />
          <TextInput source="textEn" validate={maxLength(300)} label="resources.knowledgeTests.fields.optionEn" />
          <BooleanInput source="correct" label="resources.knowledgeTests.fields.correct" />
        </SimpleFormIterator>
      </ArrayInput>
    </SimpleFormIterator>
  </ArrayInput>
);

export const KnowledgeTestEdit = () => (
  <Edit
    mutationMode="pessimistic"
    actions={
      <TopToolbar>
        <ResultsLink scope="testId" />
        <PublishAction />
      </TopToolbar>
    }
  >
    <SimpleForm resetOptions={keepUserEdits} toolbar={<SaveOnlyToolbar />} sx={{ maxWidth: 960 }}>
      <TestState />
      <SettingsFields />
      <QuestionFields />
    </SimpleForm>
  </Edit>
);

const NEW_QUESTION = { kind: 'SINGLE', points: 1, options: [{ correct: true }, { correct: false }] };

export const KnowledgeTestCreate = () => (
  <Create redirect="edit">
    <SimpleForm
      toolbar={<CreateToolbar />}
      sx={{ maxWidth: 960 }}
      defaultValues={{ passPercent: 60, attemptsAllowed: 1, timeLimitMinutes: null, questions: [NEW_QUESTION] }}
    >
      <CreateHint />
      <SettingsFields />
      <QuestionFields />
    </SimpleForm>
  </Create>
);

const CreateHint = () => (
  <Alert severity="info" sx={{ mb: 2, width: '100%' }}>
    {useTranslate()('mps.knowledgeTests.createHint')}
  </Alert>
);

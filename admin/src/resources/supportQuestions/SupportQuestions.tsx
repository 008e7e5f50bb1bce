import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import SendIcon from '@mui/icons-material/Send';
import { Alert, Box, Button as MuiButton, Stack, TextField as MuiTextField, Typography } from '@mui/material';
import { useState } from 'react';
import {
  BooleanInput,
  DataTable,
  List,
  SelectInput,
  Show,
  TopToolbar,
  useDataProvider,
  useGetIdentity,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { ConfirmedAction } from '../../components/ConfirmedAction';
import { QUESTION_STATUS_CHOICES } from '../../components/choices';
import { StatusChip } from '../../components/StatusChip';
import { useRigaTime } from '../../components/fields';
import type { ConsoleDataProvider } from '../../data/dataProvider';

const STATUS_TONE = { OPEN: 'warning', ANSWERED: 'success', CLOSED: 'default' } as const;

const Status = () => {
  const question = useRecordContext();
  const translate = useTranslate();
  if (!question) return null;
  const status = String(question.status) as keyof typeof STATUS_TONE;
  return <StatusChip tone={STATUS_TONE[status] ?? 'default'} label={translate(`mps.enums.QuestionStatus.${status}`)} />;
};

/** The queue: open questions first, the oldest on top. */
export const SupportQuestionList = () => {
  const time = useRigaTime();
  return (
    <List
      filters={[<SelectInput key="status" source="status" choices={QUESTION_STATUS_CHOICES} alwaysOn />, <BooleanInput key="mine" source="mine" alwaysOn />]}
      filterDefaultValues={{ status: 'OPEN' }}
      perPage={25}
      exporter={false}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="createdAt" disableSort render={(r: RaRecord) => time(r.createdAt)} />
        <DataTable.Col source="name" disableSort render={(r: RaRecord) => `${r.name} <${r.email}>`} />
        <DataTable.Col source="courseTitle" disableSort />
        <DataTable.Col source="text" disableSort render={(r: RaRecord) => (String(r.text).length > 120 ? `${String(r.text).slice(0, 120)}…` : r.text)} />
        <DataTable.Col source="assignedToName" disableSort />
        <DataTable.Col source="status" disableSort>
          <Status />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

/** Writes and sends the answer: it goes to the asker's e-mail in their language. */
const AnswerForm = () => {
  const question = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [answer, setAnswer] = useState('');
  const [pending, setPending] = useState(false);
  const [missing, setMissing] = useState(false);
  if (!question || question.status === 'CLOSED') return null;

  const send = async () => {
    if (!answer.trim()) {
      setMissing(true);
      return;
    }
    setPending(true);
    try {
      await dataProvider.runAction('supportQuestions', { action: 'answer', id: question.id, variables: { answer: answer.trim() } });
      notify('mps.questions.answered', { type: 'info', messageArgs: { email: question.email } });
      setAnswer('');
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'mps.errors.INTERNAL_SERVER_ERROR', { type: 'error' });
    } finally {
      setPending(false);
    }
  };

  return (
    <Stack spacing={1} component="form" noValidate onSubmit={(event) => (event.preventDefault(), void send())} aria-labelledby="answer-heading">
      <Typography component="h3" variant="h6" id="answer-heading">
        {translate(question.answer ? 'mps.questions.answerAgain' : 'mps.questions.answerHeading')}
      </Typography>
      <MuiTextField
        label={translate('mps.questions.answer')}
        helperText={
          missing
            ? translate('mps.validation.REQUIRED')
            : translate('mps.questions.answerHelp', { language: translate(`mps.enums.Language.${String(question.language).toUpperCase()}`) })
        }
        error={missing}
        required
        multiline
        minRows={5}
        value={answer}
        onChange={(event) => {
          setAnswer(event.target.value);
          setMissing(false);
        }}
        slotProps={{ htmlInput: { maxLength: 8000 } }}
      />
      <Box>
        <MuiButton type="submit" variant="contained" startIcon={<SendIcon />} disabled={pending}>
          {translate('mps.questions.send')}
        </MuiButton>
      </Box>
    </Stack>
  );
};

const QuestionActions = () => {
  const question = useRecordContext();
  const { identity } = useGetIdentity();
  if (!question) return null;
  return (
    <TopToolbar>
      {question.status !== 'CLOSED' && question.assignedToId !== identity?.id ? (
        <ConfirmedAction
          resource="supportQuestions"
          action="assign"
          id={String(question.id)}
          label="mps.questions.take"
          icon={<AssignmentIndIcon />}
          title="mps.questions.takeTitle"
          content="mps.questions.takeContent"
          done="mps.questions.taken"
        />
      ) : null}
      {question.status !== 'CLOSED' ? (
        <ConfirmedAction
          resource="supportQuestions"
          action="close"
          id={String(question.id)}
          label="mps.questions.close"
          icon={<CheckCircleIcon />}
          title="mps.questions.closeTitle"
          content="mps.questions.closeContent"
          done="mps.questions.closed"
          cancelLabel="ra.action.close"
        />
      ) : null}
    </TopToolbar>
  );
};

/** One question: who asked, about what, the text, the answer so far, and the answer form. */
const QuestionDetails = () => {
  const question = useRecordContext();
  const translate = useTranslate();
  const time = useRigaTime();
  if (!question) return null;
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Typography component="h2" variant="h5">
        {translate('mps.questions.from', { name: question.name })}
      </Typography>
      <Typography variant="body2">
        <a href={`mailto:${question.email}`}>{question.email}</a> · {time(question.createdAt)}
        {question.courseTitle ? ` · ${question.courseTitle}` : ''} ·{' '}
        {question.assignedToName ? translate('mps.questions.handledBy', { name: question.assignedToName }) : translate('mps.questions.nobody')}
      </Typography>
      <Status />
      <Typography sx={{ whiteSpace: 'pre-line' }}>{question.text}</Typography>
      {question.answer ? (
        <Alert severity="success">
          <Typography component="h3" variant="subtitle1">
            {translate('mps.questions.sentAnswer', { time: time(question.answeredAt), name: question.answeredByName ?? '—' })}
          </Typography>
          <Typography sx={{ whiteSpace: 'pre-line' }}>{question.answer}</Typography>
        </Alert>
      ) : null}
      <AnswerForm />
    </Stack>
  );
};

export const SupportQuestionShow = () => (
  <Show actions={<QuestionActions />}>
    <QuestionDetails />
  </Show>
);

import DownloadIcon from '@mui/icons-material/Download';
import EmailIcon from '@mui/icons-material/Email';
import { Alert, Button, Stack, Typography } from '@mui/material';
import {
  BooleanField,
  DataTable,
  List,
  ListContextProvider,
  NullableBooleanInput,
  SearchInput,
  Show,
  SimpleShowLayout,
  TextField,
  useGetList,
  useList,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { downloadCsvFile } from '../../components/csv';
import { useRigaTime } from '../../components/fields';

/** The API sorts the demand itself: the most requested courses first. */
export const CourseDemandList = () => {
  const time = useRigaTime();
  return (
    <List
      filters={[<SearchInput key="q" source="q" alwaysOn />, <NullableBooleanInput key="hasOpenGroup" source="hasOpenGroup" alwaysOn sx={{ minWidth: 200 }} />]}
      perPage={25}
      sort={{ field: 'requestCount', order: 'DESC' }}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="courseCode" disableSort />
        <DataTable.Col source="courseTitle" disableSort />
        <DataTable.NumberCol source="requestCount" disableSort />
        <DataTable.Col source="latestRequestAt" disableSort render={(r: RaRecord) => time(r.latestRequestAt)} />
        <DataTable.Col source="hasOpenGroup" disableSort field={BooleanField} />
      </DataTable>
    </List>
  );
};

/** At most this many people are read for one course: the contact list and the export hold them all. */
const MAX_PEOPLE = 1000;

/** The people waiting for the course, with a BCC e-mail to all of them and a CSV export. */
const WaitingPeople = () => {
  const translate = useTranslate();
  const course = useRecordContext();
  const time = useRigaTime();
  const {
    data = [],
    total,
    isPending,
    error,
  } = useGetList<RaRecord>('interestRequests', { filter: { courseId: course?.id }, pagination: { page: 1, perPage: MAX_PEOPLE } }, { enabled: !!course });
  const list = useList({ data, isPending, perPage: 50 });
  if (!course) return null;
  if (error) return <Alert severity="error">{translate('mps.errors.INTERNAL_SERVER_ERROR')}</Alert>;

  const addresses = [...new Set(data.map((r) => r.email as string | null).filter((e): e is string => !!e))];
  const subject = translate('mps.demand.mailSubject', { course: course.courseTitle });
  const mailto = `mailto:?bcc=${addresses.map(encodeURIComponent).join(',')}&subject=${encodeURIComponent(subject)}`;
  const exportCsv = () => {
    const header = ['fullName', 'email', 'createdAt'].map((field) => translate(`resources.interestRequests.fields.${field}`));
    const rows = data.map((r) => [r.fullName, r.email, time(r.createdAt)]);
    downloadCsvFile(header, rows, `${course.courseCode}-${translate('mps.demand.fileName')}`);
  };

  return (
    <Stack spacing={2}>
      <Typography variant="h6">{translate('mps.demand.people', { count: total ?? 0 })}</Typography>
      <Stack direction="row" spacing={1}>
        <Button variant="contained" startIcon={<EmailIcon />} href={mailto} disabled={addresses.length === 0}>
          {translate('mps.demand.emailAll')}
        </Button>
        <Button variant="outlined" startIcon={<DownloadIcon />} onClick={exportCsv} disabled={data.length === 0}>
          {translate('mps.demand.exportCsv')}
        </Button>
      </Stack>
      {total !== undefined && total > MAX_PEOPLE ? <Alert severity="warning">{translate('mps.demand.tooMany', { max: MAX_PEOPLE })}</Alert> : null}
      <ListContextProvider value={list}>
        <DataTable resource="interestRequests" bulkActionButtons={false} rowClick={false}>
          <DataTable.Col source="fullName" disableSort />
          <DataTable.Col source="email" disableSort render={(r: RaRecord) => (r.email ? <a href={`mailto:${r.email}`}>{r.email}</a> : '')} />
          <DataTable.Col source="createdAt" disableSort render={(r: RaRecord) => time(r.createdAt)} />
        </DataTable>
      </ListContextProvider>
    </Stack>
  );
};

export const CourseDemandShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="courseCode" />
      <TextField source="courseTitle" />
      <WaitingPeople />
    </SimpleShowLayout>
  </Show>
);

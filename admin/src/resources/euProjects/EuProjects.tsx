import DownloadIcon from '@mui/icons-material/Download';
import EditIcon from '@mui/icons-material/Edit';
import { Alert, Box, Card, CardContent, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useId, useState } from 'react';
import {
  ArrayInput,
  Button,
  Create,
  DataTable,
  DateInput,
  Edit,
  EditButton,
  List,
  NumberInput,
  SearchInput,
  SelectField,
  SelectInput,
  Show,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  TopToolbar,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { EU_FUND_CHOICES } from '../../components/choices';
import { useFormatLocale } from '../../components/fields';
import { keepUserEdits } from '../../components/formOptions';
import { SaveOnlyToolbar } from '../../components/toolbars';
import { useConsoleQuery } from '../../data/useConsoleQuery';
import { length, maxLength, required, wholeNumber } from '../../validation';
import { euReportFilePath } from './documents';

export const EuProjectList = () => (
  <List filters={[<SearchInput key="q" source="q" alwaysOn />]} perPage={25}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="code" disableSort />
      <DataTable.Col source="nameLv" disableSort />
      <DataTable.Col source="fund" disableSort>
        <SelectField source="fund" choices={EU_FUND_CHOICES} />
      </DataTable.Col>
      <DataTable.Col source="startsOn" disableSort />
      <DataTable.Col source="endsOn" disableSort />
    </DataTable>
  </List>
);

const EuProjectForm = () => (
  <SimpleForm resetOptions={keepUserEdits} sx={{ maxWidth: 760 }} toolbar={<SaveOnlyToolbar />}>
    <TextInput source="code" validate={[required(), length(1, 100)]} helperText="mps.euProjects.codeHelp" />
    <TextInput source="nameLv" validate={[required(), maxLength(300)]} fullWidth />
    <TextInput source="nameEn" validate={maxLength(300)} fullWidth />
    <SelectInput source="fund" choices={EU_FUND_CHOICES} validate={required()} />
    <DateInput source="startsOn" validate={required()} />
    <DateInput source="endsOn" validate={required()} />
    <ArrayInput source="indicators" helperText="mps.euProjects.indicatorsHelp">
      <SimpleFormIterator inline disableReordering>
        <TextInput source="code" label="mps.euProjects.indicatorCode" validate={[required(), length(1, 30)]} helperText={false} />
        <TextInput source="nameLv" label="mps.euProjects.indicatorNameLv" validate={[required(), maxLength(300)]} helperText={false} />
        <TextInput source="nameEn" label="mps.euProjects.indicatorNameEn" validate={maxLength(300)} helperText={false} />
        <NumberInput source="target" label="mps.euProjects.target" step={1} min={0} validate={[required(), wholeNumber(0, 10_000_000)]} helperText={false} />
      </SimpleFormIterator>
    </ArrayInput>
  </SimpleForm>
);

export const EuProjectEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <EuProjectForm />
  </Edit>
);

export const EuProjectCreate = () => (
  <Create redirect="show">
    <EuProjectForm />
  </Create>
);

interface ReportRow {
  groupId: string;
  groupCode: string;
  courseCode: string;
  courseTitle: string;
  startsOn: string;
  endsOn: string;
  participants: number;
  plannedHours: number;
  attendedHours: number;
  completions: number;
  withIndicatorData: number;
}
interface Report {
  groups: ReportRow[];
  totals: Omit<ReportRow, 'groupId' | 'groupCode' | 'courseCode' | 'courseTitle' | 'startsOn' | 'endsOn'> & { groups: number; indicatorDataShare: number };
  indicators: { code: string; nameLv: string; nameEn: string; target: number; count: number | null }[];
}

const COLUMNS = ['participants', 'plannedHours', 'attendedHours', 'completions', 'withIndicatorData'] as const;

/** Indicator counts against their targets, as bars; the table below says the same in numbers. */
const IndicatorChart = ({ report }: { report: Report }) => {
  const translate = useTranslate();
  const id = useId();
  const counted = report.indicators.filter((indicator) => indicator.count !== null);
  if (counted.length === 0) return <Typography>{translate('mps.euProjects.noIndicators')}</Typography>;
  return (
    <Box component="figure" aria-labelledby={id} sx={{ m: 0 }} data-testid="eu-indicator-chart">
      <Typography id={id} component="figcaption" variant="subtitle1">
        {translate('mps.euProjects.chartTitle')}
      </Typography>
      <BarChart
        height={300}
        xAxis={[{ scaleType: 'band', data: counted.map((indicator) => indicator.code) }]}
        series={[
          { data: counted.map((indicator) => indicator.count ?? 0), label: translate('mps.euProjects.count') },
          { data: counted.map((indicator) => indicator.target), label: translate('mps.euProjects.target') },
        ]}
      />
    </Box>
  );
};

const ReportTable = ({ report }: { report: Report }) => {
  const translate = useTranslate();
  const number = new Intl.NumberFormat(useFormatLocale(), { maximumFractionDigits: 1 });
  const field = (name: string) => translate(`resources.euProjects.report.${name}`);
  return (
    <Table size="small" aria-label={translate('mps.euProjects.groupsTable')}>
      <TableHead>
        <TableRow>
          <TableCell>{field('groupCode')}</TableCell>
          <TableCell>{field('course')}</TableCell>
          <TableCell>{field('dates')}</TableCell>
          {COLUMNS.map((column) => (
            <TableCell key={column} align="right">
              {field(column)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {report.groups.map((row) => (
          <TableRow key={row.groupId}>
            <TableCell>{row.groupCode}</TableCell>
            <TableCell>
              {row.courseCode} · {row.courseTitle}
            </TableCell>
            <TableCell>
              {row.startsOn} – {row.endsOn}
            </TableCell>
            {COLUMNS.map((column) => (
              <TableCell key={column} align="right">
                {number.format(row[column])}
              </TableCell>
            ))}
          </TableRow>
        ))}
        <TableRow sx={{ '& td': { fontWeight: 'bold' } }}>
          <TableCell colSpan={3}>{translate('mps.euProjects.total', { smart_count: report.totals.groups })}</TableCell>
          {COLUMNS.map((column) => (
            <TableCell key={column} align="right">
              {number.format(report.totals[column])}
            </TableCell>
          ))}
        </TableRow>
      </TableBody>
    </Table>
  );
};

const IndicatorTable = ({ report }: { report: Report }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Table size="small" aria-label={translate('mps.euProjects.indicatorsTable')} sx={{ maxWidth: 760 }}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.euProjects.report.indicator')}</TableCell>
          <TableCell align="right">{translate('mps.euProjects.target')}</TableCell>
          <TableCell align="right">{translate('mps.euProjects.count')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {report.indicators.map((indicator) => (
          <TableRow key={indicator.code}>
            <TableCell>
              {indicator.code} · {locale === 'en' && indicator.nameEn ? indicator.nameEn : indicator.nameLv}
            </TableCell>
            <TableCell align="right">{indicator.target}</TableCell>
            <TableCell align="right">{indicator.count ?? translate('mps.euProjects.notCounted')}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga' }).format(new Date());

/** The report of the project on the page: a period, the groups in it, indicators against targets, files. */
const ProjectReport = () => {
  const project = useRecordContext();
  const translate = useTranslate();
  const formatLocale = useFormatLocale();
  const [from, setFrom] = useState<string>('');
  const [to, setTo] = useState<string>(today());
  const start = from || String(project?.startsOn ?? '');
  const valid = !!project && /^\d{4}-\d{2}-\d{2}$/.test(start) && /^\d{4}-\d{2}-\d{2}$/.test(to) && start <= to;
  const { data, error, isPending } = useConsoleQuery<Report>('euProjects', 'report', { projectId: project?.id, from: start, to }, { enabled: valid });
  if (!project) return null;
  const share = new Intl.NumberFormat(formatLocale, { style: 'percent', maximumFractionDigits: 1 });
  return (
    <Stack spacing={3} sx={{ p: 2 }}>
      <Typography variant="h6" component="h2">
        {translate('mps.euProjects.report')}
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} alignItems="flex-start">
        <TextField
          type="date"
          label={translate('mps.euProjects.from')}
          value={start}
          onChange={(e) => setFrom(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          type="date"
          label={translate('mps.euProjects.to')}
          value={to}
          onChange={(e) => setTo(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <Button
          component="a"
          href={valid ? euReportFilePath(String(project.id), 'xlsx', start, to) : undefined}
          disabled={!valid}
          label="mps.euProjects.downloadXlsx"
          startIcon={<DownloadIcon />}
        />
        <Button
          component="a"
          href={valid ? euReportFilePath(String(project.id), 'csv', start, to) : undefined}
          disabled={!valid}
          label="mps.euProjects.downloadCsv"
          startIcon={<DownloadIcon />}
        />
      </Stack>
      {!valid && <Alert severity="info">{translate('mps.euProjects.choosePeriod')}</Alert>}
      {error && <Alert severity="error">{error.message}</Alert>}
      {valid && isPending && !data && <Typography>{translate('ra.page.loading')}</Typography>}
      {data && (
        <>
          <Typography>
            {translate('mps.euProjects.dataShare', {
              share: share.format(data.totals.indicatorDataShare),
              count: data.totals.withIndicatorData,
              total: data.totals.participants,
            })}
          </Typography>
          <ReportTable report={data} />
          <IndicatorChart report={data} />
          <IndicatorTable report={data} />
        </>
      )}
    </Stack>
  );
};

const ShowActions = () => (
  <TopToolbar>
    <EditButton icon={<EditIcon />} />
  </TopToolbar>
);

const ProjectHeader = () => {
  const project = useRecordContext();
  const translate = useTranslate();
  if (!project) return null;
  return (
    <CardContent>
      <Typography variant="h5" component="h1">
        {project.code}
      </Typography>
      <Typography>{project.nameLv}</Typography>
      <Typography color="text.secondary">
        {translate(`mps.enums.EuFund.${project.fund}`)} · {project.startsOn} – {project.endsOn}
      </Typography>
    </CardContent>
  );
};

export const EuProjectShow = () => (
  <Show actions={<ShowActions />}>
    <Card variant="outlined" sx={{ border: 0 }}>
      <ProjectHeader />
      <ProjectReport />
    </Card>
  </Show>
);

import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  FormControl,
  FormControlLabel,
  InputLabel,
  MenuItem,
  Select,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TablePagination,
  TableRow,
  Typography,
} from '@mui/material';
import { useEffect, useMemo, useState, type ChangeEvent } from 'react';
import { HttpError, Loading, Title, useCreatePath, useDataProvider, useNotify, useRedirect, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../../data/dataProvider';
import { useOwnInstitutions } from '../institutions/useOwnInstitutions';
import { decodeRoster, MAX_ROSTER_BYTES, type RosterEncoding } from './decodeRoster';

type Status = 'ADDED' | 'UPDATED' | 'UNCHANGED' | 'REFUSED';

interface ReportRow {
  line: number;
  status: Status;
  name: string | null;
  personalCodeMasked: string | null;
  reasons: string[];
  duplicateOfLine: number | null;
  changedFields: string[];
}

interface Report {
  dryRun: boolean;
  added: number;
  updated: number;
  unchanged: number;
  refused: number;
  rows: ReportRow[];
}

interface RosterFile {
  name: string;
  text: string;
  encoding: RosterEncoding;
}

const STATUS_COLOR: Record<Status, 'success' | 'info' | 'default' | 'error'> = { ADDED: 'success', UPDATED: 'info', UNCHANGED: 'default', REFUSED: 'error' };

/** The institution named in the console's URL (`#/employeeImport?institutionId=…`), if any. */
const institutionInUrl = () => new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('institutionId') ?? '';

/** What a row says, in words: the reasons of a refusal, or what an update changes. */
const useRowNote = () => {
  const translate = useTranslate();
  return (row: ReportRow) => {
    if (row.status === 'UPDATED') {
      return translate('mps.import.changed', { fields: row.changedFields.map((f) => translate(`mps.import.fields.${f}`)).join(', ') });
    }
    return row.reasons.map((reason) => translate(`mps.enums.ImportRefusal.${reason}`, { line: row.duplicateOfLine ?? '' })).join('; ');
  };
};

const ReportTable = ({ report }: { report: Report }) => {
  const translate = useTranslate();
  const note = useRowNote();
  const [onlyRefused, setOnlyRefused] = useState(false);
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(50);
  const rows = onlyRefused ? report.rows.filter((row) => row.status === 'REFUSED') : report.rows;
  return (
    <>
      <FormControlLabel
        control={<Switch checked={onlyRefused} onChange={(event) => (setOnlyRefused(event.target.checked), setPage(0))} />}
        label={translate('mps.import.onlyRefused')}
      />
      <Table size="small" aria-label={translate('mps.import.reportTitle')} data-testid="import-report">
        <TableHead>
          <TableRow>
            <TableCell>{translate('mps.import.line')}</TableCell>
            <TableCell>{translate('mps.import.status')}</TableCell>
            <TableCell>{translate('mps.import.name')}</TableCell>
            <TableCell>{translate('mps.import.personalCode')}</TableCell>
            <TableCell>{translate('mps.import.note')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.slice(page * perPage, (page + 1) * perPage).map((row) => (
            <TableRow key={row.line} data-status={row.status}>
              <TableCell>{row.line}</TableCell>
              <TableCell>
                <Chip
                  size="small"
                  color={STATUS_COLOR[row.status]}
                  label={translate(`mps.enums.${report.dryRun ? 'ImportRowStatusPlanned' : 'ImportRowStatus'}.${row.status}`)}
                />
              </TableCell>
              <TableCell>{row.name ?? '—'}</TableCell>
              <TableCell>
                <code>{row.personalCodeMasked ?? '—'}</code>
              </TableCell>
              <TableCell>{note(row)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <TablePagination
        component="div"
        count={rows.length}
        page={page}
        rowsPerPage={perPage}
        rowsPerPageOptions={[50, 200, 1000]}
        onPageChange={(_event, next) => setPage(next)}
        onRowsPerPageChange={(event) => (setPerPage(Number(event.target.value)), setPage(0))}
        labelRowsPerPage={translate('ra.navigation.page_rows_per_page')}
        labelDisplayedRows={({ from, to, count }) => translate('ra.navigation.page_range_info', { offsetBegin: from, offsetEnd: to, total: count })}
      />
    </>
  );
};

const Summary = ({ report }: { report: Report }) => {
  const translate = useTranslate();
  const key = report.dryRun ? 'mps.import.summaryDryRun' : 'mps.import.summaryDone';
  return (
    <Alert severity={report.refused ? 'warning' : 'success'} sx={{ my: 2 }} role="status" data-testid="import-summary">
      {translate(key, { added: report.added, updated: report.updated, unchanged: report.unchanged, refused: report.refused })}
    </Alert>
  );
};

/**
 * The roster import: choose a CSV file, check it first (a dry run that writes nothing and reports
 * every row), then import. The file is read here, so a Latvian Excel export in windows-1257 works.
 */
export const EmployeeImport = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const createPath = useCreatePath();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { data: institutions, isPending } = useOwnInstitutions();
  const [institutionId, setInstitutionId] = useState(institutionInUrl);
  const [file, setFile] = useState<RosterFile | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [running, setRunning] = useState<'check' | 'import' | null>(null);

  useEffect(() => {
    if (!institutionId && institutions?.length === 1) setInstitutionId(String(institutions[0].id));
  }, [institutions, institutionId]);

  const checked = report?.dryRun === true;
  const done = report?.dryRun === false;
  const importable = checked && report.added + report.updated > 0;
  const institutionName = useMemo(() => institutions?.find((i) => String(i.id) === institutionId)?.name ?? '', [institutions, institutionId]);

  if (isPending) return <Loading />;

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    event.target.value = '';
    setReport(null);
    setProblem(null);
    setFile(null);
    if (!chosen) return;
    if (chosen.size > MAX_ROSTER_BYTES) {
      setProblem(translate('mps.validation.FILE_TOO_LARGE'));
      return;
    }
    try {
      setFile({ name: chosen.name, ...decodeRoster(await chosen.arrayBuffer()) });
    } catch {
      setProblem(translate('mps.import.unreadable'));
    }
  };

  const run = async (dryRun: boolean) => {
    if (!file || !institutionId) return;
    setRunning(dryRun ? 'check' : 'import');
    setProblem(null);
    try {
      const { data } = await dataProvider.runAction('institutions', { action: 'importEmployees', id: institutionId, variables: { csv: file.text, dryRun } });
      setReport(data as unknown as Report);
      if (!dryRun)
        notify('mps.import.imported', {
          type: 'info',
          messageArgs: { added: (data as unknown as Report).added, updated: (data as unknown as Report).updated },
        });
    } catch (error) {
      // A file-level refusal (size, header, CSV syntax) comes as a VALIDATION problem on `csv`.
      const body = error instanceof HttpError ? (error.body as { code?: string; errors?: Record<string, string> }) : undefined;
      setProblem(body?.errors?.csv ?? (error instanceof Error ? error.message : translate('mps.errors.INTERNAL_SERVER_ERROR')));
      setReport(null);
    } finally {
      setRunning(null);
    }
  };

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="mps.import.title" />
      <CardContent>
        <Typography sx={{ mb: 1 }}>{translate('mps.import.intro')}</Typography>
        <Typography variant="body2" component="pre" sx={{ mb: 2, p: 1, bgcolor: 'action.hover', whiteSpace: 'pre-wrap' }}>
          {translate('mps.import.example')}
        </Typography>

        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} alignItems={{ md: 'center' }} sx={{ mb: 2 }}>
          {(institutions?.length ?? 0) > 1 ? (
            <FormControl sx={{ minWidth: 300, maxWidth: 480 }} fullWidth size="small">
              <InputLabel id="import-institution-label">{translate('mps.import.institution')}</InputLabel>
              <Select
                labelId="import-institution-label"
                label={translate('mps.import.institution')}
                value={institutionId}
                onChange={(event) => (setInstitutionId(String(event.target.value)), setReport(null))}
              >
                {institutions!.map((institution) => (
                  <MenuItem key={institution.id} value={String(institution.id)}>
                    {institution.name}
                  </MenuItem>
                ))}
              </Select>
            </FormControl>
          ) : (
            <Typography>
              {translate('mps.import.institution')}: <strong>{institutionName}</strong>
            </Typography>
          )}
          <Button component="label" variant="outlined" startIcon={<UploadFileIcon />}>
            {translate('mps.import.chooseFile')}
            <input type="file" accept=".csv,text/csv,text/plain" hidden onChange={(event) => void chooseFile(event)} data-testid="import-file" />
          </Button>
          {file ? (
            <Typography variant="body2" data-testid="import-file-name">
              {translate('mps.import.fileInfo', { name: file.name, encoding: translate(`mps.import.encoding.${file.encoding}`) })}
            </Typography>
          ) : null}
        </Stack>

        <Stack direction="row" spacing={2}>
          <Button variant="outlined" onClick={() => void run(true)} disabled={!file || !institutionId || running !== null || done}>
            {translate(running === 'check' ? 'mps.import.checking' : 'mps.import.check')}
          </Button>
          <Button variant="contained" onClick={() => void run(false)} disabled={!importable || running !== null}>
            {translate(running === 'import' ? 'mps.import.importing' : 'mps.import.import')}
          </Button>
          {done ? <Button onClick={() => redirect(createPath({ resource: 'employees', type: 'list' }))}>{translate('mps.import.toEmployees')}</Button> : null}
        </Stack>

        {problem ? (
          <Alert severity="error" sx={{ mt: 2 }} role="alert" data-testid="import-problem">
            {problem}
          </Alert>
        ) : null}
        {report ? (
          <Box>
            <Summary report={report} />
            {checked && !importable ? <Alert severity="info">{translate('mps.import.nothingToImport')}</Alert> : null}
            <ReportTable report={report} />
          </Box>
        ) : null}
      </CardContent>
    </Card>
  );
};

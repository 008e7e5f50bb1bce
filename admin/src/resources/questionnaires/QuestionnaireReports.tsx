import AssessmentIcon from '@mui/icons-material/Assessment';
import {
  Alert,
  Autocomplete,
  Box,
  Card,
  CardContent,
  FormControl,
  InputLabel,
  MenuItem,
  Select,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useId, useState } from 'react';
import { Button, Link, Title, useGetList, useGetOne, useLocaleState, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import { useFormatLocale, useRigaTime } from '../../components/fields';
import { useConsoleQuery } from '../../data/useConsoleQuery';

type Scope = 'courseId' | 'groupId' | 'lecturerId';
const SCOPES: Scope[] = ['courseId', 'groupId', 'lecturerId'];
const RESOURCE_OF: Record<Scope, string> = { courseId: 'courses', groupId: 'groups', lecturerId: 'lecturers' };

interface Text {
  textLv: string;
  textEn: string;
}
interface QuestionReport {
  question: Text & { id: string; kind: string };
  answered: number;
  average: number | null;
  distribution: number[];
  options: { option: Text & { id: string }; count: number }[];
  texts: string[];
}
interface Report {
  invited: number;
  responses: number;
  versions: {
    questionnaireTitle: string;
    responses: number;
    version: { id: string; number: number; publishedAt: string | null };
    questions: QuestionReport[];
  }[];
}

/** What the console's URL names (`#/questionnaireReports?courseId=…`), e.g. from a course's or a group's page. */
const fromUrl = (): { scope: Scope; id: string } => {
  const params = new URLSearchParams(window.location.hash.split('?')[1] ?? '');
  const scope = SCOPES.find((key) => params.get(key));
  return scope ? { scope, id: params.get(scope)! } : { scope: 'courseId', id: '' };
};

const label = (scope: Scope, record: RaRecord | undefined): string => {
  if (!record) return '';
  if (scope === 'courseId') return `${record.code} · ${record.title}`;
  if (scope === 'groupId') return String(record.code);
  return String(record.name);
};

/** The course, group or lecturer the report is about: searched by name or code. */
const SubjectPicker = ({ scope, id, onChange }: { scope: Scope; id: string; onChange: (id: string) => void }) => {
  const translate = useTranslate();
  const [search, setSearch] = useState('');
  const resource = RESOURCE_OF[scope];
  const { data = [], isPending } = useGetList(resource, { filter: search ? { q: search } : {}, pagination: { page: 1, perPage: 20 } });
  const { data: chosen } = useGetOne(resource, { id }, { enabled: !!id });
  const options = chosen && !data.some((r) => r.id === chosen.id) ? [chosen, ...data] : data;
  return (
    <Autocomplete
      sx={{ minWidth: 360 }}
      options={options}
      loading={isPending}
      value={chosen && chosen.id === id ? chosen : null}
      getOptionLabel={(record) => label(scope, record)}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      filterOptions={(x) => x}
      onInputChange={(_event, value, reason) => reason === 'input' && setSearch(value)}
      onChange={(_event, record) => onChange(record ? String(record.id) : '')}
      noOptionsText={translate('ra.navigation.no_results')}
      renderInput={(params) => <TextField {...params} label={translate(`mps.questionnaireReports.subject.${scope}`)} />}
    />
  );
};

const Distribution = ({ counts }: { counts: number[] }) => {
  const translate = useTranslate();
  const id = useId();
  return (
    <Table size="small" aria-labelledby={id} sx={{ maxWidth: 420 }}>
      <caption id={id} style={{ captionSide: 'top', textAlign: 'left', padding: 0 }}>
        {translate('mps.questionnaireReports.distribution')}
      </caption>
      <TableHead>
        <TableRow>
          {counts.map((_count, i) => (
            <TableCell key={i} align="right">
              {i + 1}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        <TableRow>
          {counts.map((count, i) => (
            <TableCell key={i} align="right">
              {count}
            </TableCell>
          ))}
        </TableRow>
      </TableBody>
    </Table>
  );
};

const QuestionResult = ({ result, position }: { result: QuestionReport; position: number }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const number = new Intl.NumberFormat(useFormatLocale(), { maximumFractionDigits: 1 });
  const text = (t: Text) => (locale === 'en' && t.textEn ? t.textEn : t.textLv);
  const { question } = result;
  return (
    <Box component="section" sx={{ mb: 3 }}>
      <Typography variant="subtitle1" component="h3">
        {position}. {text(question)}
      </Typography>
      <Typography variant="body2" color="text.secondary" gutterBottom>
        {translate(`mps.enums.QuestionKind.${question.kind}`)} · {translate('mps.questionnaireReports.answered', { smart_count: result.answered })}
      </Typography>
      {question.kind === 'SCALE' && (
        <>
          <Typography>{translate('mps.questionnaireReports.average', { value: result.average === null ? '—' : number.format(result.average) })}</Typography>
          <Distribution counts={result.distribution} />
        </>
      )}
      {result.options.length > 0 && (
        <Table size="small" sx={{ maxWidth: 640 }}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('mps.questionnaireReports.option')}</TableCell>
              <TableCell align="right">{translate('mps.questionnaireReports.count')}</TableCell>
              <TableCell align="right">%</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {result.options.map(({ option, count }) => (
              <TableRow key={option.id}>
                <TableCell>{text(option)}</TableCell>
                <TableCell align="right">{count}</TableCell>
                <TableCell align="right">{result.answered ? number.format((100 * count) / result.answered) : '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {question.kind === 'TEXT' &&
        (result.texts.length ? (
          <ul>
            {result.texts.map((answer, i) => (
              <li key={i}>
                <Typography sx={{ whiteSpace: 'pre-wrap' }}>{answer}</Typography>
              </li>
            ))}
          </ul>
        ) : (
          <Typography color="text.secondary">{translate('mps.questionnaireReports.noTexts')}</Typography>
        ))}
    </Box>
  );
};

const ReportView = ({ report }: { report: Report }) => {
  const translate = useTranslate();
  const time = useRigaTime();
  return (
    <Stack spacing={2}>
      <Typography>{translate('mps.questionnaireReports.summary', { invited: report.invited, responses: report.responses })}</Typography>
      {report.versions.length === 0 && <Alert severity="info">{translate('mps.questionnaireReports.empty')}</Alert>}
      {report.versions.map((version) => (
        <Card key={version.version.id} variant="outlined">
          <CardContent>
            <Typography variant="h6" component="h2">
              {translate('mps.questionnaireReports.version', {
                title: version.questionnaireTitle,
                number: version.version.number,
                at: version.version.publishedAt ? time(version.version.publishedAt) : '—',
              })}
            </Typography>
            <Typography variant="body2" color="text.secondary" gutterBottom>
              {translate('mps.questionnaireReports.responses', { smart_count: version.responses })}
            </Typography>
            {version.questions.map((result, i) => (
              <QuestionResult key={result.question.id} result={result} position={i + 1} />
            ))}
          </CardContent>
        </Card>
      ))}
    </Stack>
  );
};

/** Answers to the evaluation questionnaire per course, group or lecturer, aggregated and without names (R-AFT-2). */
export const QuestionnaireReports = () => {
  const translate = useTranslate();
  const initial = fromUrl();
  const [scope, setScope] = useState<Scope>(initial.scope);
  const [id, setId] = useState(initial.id);
  const scopeLabel = useId();
  const { data, error, isPending } = useConsoleQuery<Report>('questionnaires', 'report', { filter: { [scope]: id } }, { enabled: !!id });
  return (
    <Box sx={{ p: 2 }}>
      <Title title="resources.questionnaireReports.name" />
      <Typography variant="h5" component="h1" gutterBottom>
        {translate('resources.questionnaireReports.name', { smart_count: 2 })}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {translate('mps.questionnaireReports.intro')}
      </Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 3 }}>
        <FormControl sx={{ minWidth: 200 }}>
          <InputLabel id={scopeLabel}>{translate('mps.questionnaireReports.scope')}</InputLabel>
          <Select
            labelId={scopeLabel}
            label={translate('mps.questionnaireReports.scope')}
            value={scope}
            onChange={(event) => {
              setScope(event.target.value as Scope);
              setId('');
            }}
          >
            {SCOPES.map((key) => (
              <MenuItem key={key} value={key}>
                {translate(`mps.questionnaireReports.scopes.${key}`)}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        <SubjectPicker key={scope} scope={scope} id={id} onChange={setId} />
      </Stack>
      {!id && <Alert severity="info">{translate('mps.questionnaireReports.choose')}</Alert>}
      {id && error && <Alert severity="error">{error.message}</Alert>}
      {id && !error && isPending && <Typography>{translate('ra.page.loading')}</Typography>}
      {id && data && <ReportView report={data} />}
    </Box>
  );
};

/** A link from a course's, group's or lecturer's page to its evaluation report. */
export const ReportLink = ({ scope }: { scope: Scope }) => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Button
      component={Link}
      to={`/questionnaireReports?${scope}=${encodeURIComponent(String(record.id))}`}
      label="mps.questionnaireReports.open"
      startIcon={<AssessmentIcon />}
    />
  );
};

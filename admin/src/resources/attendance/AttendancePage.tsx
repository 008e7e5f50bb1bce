import DoneAllIcon from '@mui/icons-material/DoneAll';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import SaveIcon from '@mui/icons-material/Save';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  FormControlLabel,
  LinearProgress,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import { HttpError, Title, useDataProvider, useLocaleState, useNotify, useParams, useTranslate } from 'react-admin';
import { useRigaTime } from '../../components/fields';
import type { ConsoleDataProvider } from '../../data/dataProvider';
import { useConsoleQuery } from '../../data/useConsoleQuery';
import { signInSheetUrl, type AttendanceSheet, type AttendanceStatus } from './documents';

const STATUSES: AttendanceStatus[] = ['PRESENT', 'ABSENT', 'EXCUSED'];

/**
 * "Apmeklējums": a session's confirmed participants marked present, absent or excused, saved as one
 * list (R-AFT-5), and its printable sign-in sheet. For staff and the session's lecturer.
 */
export const AttendancePage = () => {
  // The route is the session's: /attendance/<session id>.
  const { id: sessionId = '' } = useParams<{ id: string }>();
  const translate = useTranslate();
  const notify = useNotify();
  const rigaTime = useRigaTime();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { data, error, isPending } = useConsoleQuery<AttendanceSheet>('attendance', 'sheet', { sessionId });
  const [sheet, setSheet] = useState<AttendanceSheet | null>(null);
  const [marks, setMarks] = useState<Record<string, AttendanceStatus>>({});
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const current = sheet ?? data;

  // The choices start from what is stored, once it has arrived (and again after each save).
  useEffect(() => {
    if (!current) return;
    setMarks(Object.fromEntries(current.participants.flatMap((p) => (p.status ? [[p.personId, p.status as AttendanceStatus]] : []))));
  }, [current]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setProblem(null);
    try {
      const { data: answer } = await dataProvider.runMutation('attendance', {
        mutation: 'mark',
        variables: { sessionId, marks: Object.entries(marks).map(([personId, status]) => ({ personId, status })) },
      });
      setSheet(answer as AttendanceSheet);
      notify('mps.attendance.saved', { type: 'info' });
    } catch (failure) {
      setProblem(failure instanceof HttpError || failure instanceof Error ? failure.message : translate('mps.errors.INTERNAL_SERVER_ERROR'));
    } finally {
      setSaving(false);
    }
  };

  const allPresent = () => setMarks(Object.fromEntries((current?.participants ?? []).map((p) => [p.personId, 'PRESENT' as const])));

  return (
    <Card sx={{ mt: 2 }} data-testid="attendance-page">
      <Title title="mps.attendance.title" />
      <CardContent>
        {error ? <Alert severity="error">{error.message}</Alert> : null}
        {isPending ? <LinearProgress aria-label={translate('ra.page.loading')} /> : null}
        {current ? (
          <Box component="form" onSubmit={(event) => void save(event)} noValidate>
            <Typography variant="h6" component="h2">
              {current.courseTitle}
            </Typography>
            <Typography sx={{ mb: 2 }} data-testid="attendance-session">
              {translate('mps.attendance.session', {
                group: current.groupCode,
                from: rigaTime(current.session.startsAt),
                to: rigaTime(current.session.endsAt),
              })}
            </Typography>
            <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mb: 2 }}>
              <Button
                variant="outlined"
                startIcon={<PictureAsPdfIcon />}
                href={signInSheetUrl(sessionId, locale)}
                target="_blank"
                rel="noopener"
                data-testid="sign-in-sheet"
              >
                {translate('mps.attendance.signInSheet')}
              </Button>
              <Button variant="outlined" startIcon={<DoneAllIcon />} onClick={allPresent} disabled={!current.markable || current.participants.length === 0}>
                {translate('mps.attendance.allPresent')}
              </Button>
            </Box>
            {current.markable ? null : (
              <Alert severity="info" sx={{ mb: 2 }}>
                {translate('mps.attendance.notStarted')}
              </Alert>
            )}
            {current.participants.length === 0 ? (
              <Typography>{translate('mps.attendance.noParticipants')}</Typography>
            ) : (
              <Table size="small" aria-label={translate('mps.attendance.title')}>
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('mps.attendance.number')}</TableCell>
                    <TableCell>{translate('mps.attendance.name')}</TableCell>
                    <TableCell>{translate('mps.attendance.institution')}</TableCell>
                    <TableCell>{translate('mps.attendance.mark')}</TableCell>
                    <TableCell>{translate('mps.attendance.markedBy')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {current.participants.map((p, i) => (
                    <TableRow key={p.personId} data-testid="attendance-row">
                      <TableCell>{i + 1}.</TableCell>
                      <TableCell id={`attendance-name-${p.personId}`}>{p.fullName}</TableCell>
                      <TableCell>{p.institutionName ?? ''}</TableCell>
                      <TableCell>
                        <RadioGroup
                          row
                          aria-labelledby={`attendance-name-${p.personId}`}
                          name={`attendance-${p.personId}`}
                          value={marks[p.personId] ?? ''}
                          onChange={(event) => setMarks((previous) => ({ ...previous, [p.personId]: event.target.value as AttendanceStatus }))}
                        >
                          {STATUSES.map((status) => (
                            <FormControlLabel
                              key={status}
                              value={status}
                              disabled={!current.markable}
                              control={<Radio size="small" />}
                              label={translate(`mps.enums.AttendanceStatus.${status}`)}
                            />
                          ))}
                        </RadioGroup>
                      </TableCell>
                      <TableCell>
                        {p.markedByName && p.markedAt ? translate('mps.attendance.markedByAt', { name: p.markedByName, time: rigaTime(p.markedAt) }) : ''}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
            {problem ? (
              <Alert severity="error" sx={{ mt: 2 }} role="alert">
                {problem}
              </Alert>
            ) : null}
            <Button type="submit" variant="contained" startIcon={<SaveIcon />} disabled={saving || !current.markable} sx={{ mt: 2 }}>
              {translate('ra.action.save')}
            </Button>
          </Box>
        ) : null}
      </CardContent>
    </Card>
  );
};

import FactCheckIcon from '@mui/icons-material/FactCheck';
import { Alert, Button, Card, CardContent, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, Title, useTranslate } from 'react-admin';
import { useRigaTime } from '../../components/fields';
import { useConsoleQuery } from '../../data/useConsoleQuery';
import type { TeachingSession } from './documents';

/** "Manas nodarbības": the sessions the signed-in lecturer teaches, latest first, each with its attendance page. */
export const TeachingSessions = () => {
  const translate = useTranslate();
  const rigaTime = useRigaTime();
  const { data, error, isPending } = useConsoleQuery<TeachingSession[]>('attendance', 'myTeaching');
  const sessions = (data ?? []).filter((row) => row.role === 'LECTURER' && row.session.group?.status !== 'CANCELLED').reverse();
  return (
    <Card sx={{ mt: 2 }} data-testid="teaching-sessions">
      <Title title="resources.teaching.name" />
      <CardContent>
        {error ? <Alert severity="error">{error.message}</Alert> : null}
        {isPending ? <LinearProgress aria-label={translate('ra.page.loading')} /> : null}
        {data && sessions.length === 0 ? <Typography>{translate('mps.attendance.noSessions')}</Typography> : null}
        {sessions.length > 0 ? (
          <Table size="small" aria-label={translate('resources.teaching.name')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.sessions.fields.startsAt')}</TableCell>
                <TableCell>{translate('resources.sessions.fields.endsAt')}</TableCell>
                <TableCell>{translate('resources.groups.fields.courseId')}</TableCell>
                <TableCell>{translate('resources.groups.fields.code')}</TableCell>
                <TableCell>{translate('resources.attendance.name')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {sessions.map(({ session }) => (
                <TableRow key={session.id} data-testid="teaching-row">
                  <TableCell>{rigaTime(session.startsAt)}</TableCell>
                  <TableCell>{rigaTime(session.endsAt)}</TableCell>
                  <TableCell>{session.group?.course?.title ?? ''}</TableCell>
                  <TableCell>{session.group?.code ?? ''}</TableCell>
                  <TableCell>
                    <Button component={Link} to={`/attendance/${session.id}`} size="small" startIcon={<FactCheckIcon />}>
                      {translate('resources.attendance.name')}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null}
      </CardContent>
    </Card>
  );
};

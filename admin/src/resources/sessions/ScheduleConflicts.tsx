import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Tooltip } from '@mui/material';
import { useState } from 'react';
import { useNotify, useRecordContext, useSaveContext, useTranslate, type HttpError } from 'react-admin';
import { useFormatLocale } from '../../components/fields';

/** Another session at the same time with the same lecturer or place (`ScheduleConflict`, and SCHEDULE_CONFLICT's details). */
export interface ScheduleConflict {
  kinds: ('LECTURER' | 'PLACE')[];
  otherGroupCode: string;
  otherStartsAt: string;
  otherEndsAt: string;
}

/** The school works on Riga time, whatever the browser's clock says. */
const SCHOOL_TIME_ZONE = 'Europe/Riga';

function rigaRange(locale: string, startsAt: string, endsAt: string): string {
  const day = new Intl.DateTimeFormat(locale, { timeZone: SCHOOL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
  const time = new Intl.DateTimeFormat(locale, { timeZone: SCHOOL_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  if (day.format(start) === day.format(end)) return `${day.format(start)} ${time.format(start)}–${time.format(end)}`;
  return `${day.format(start)} ${time.format(start)} – ${day.format(end)} ${time.format(end)}`;
}

/** "Group VAS-DIG-101-G1, 12.03.2026 10:00–12:00: the lecturer is busy", one line per conflict. */
function useDescribeConflict(): (conflict: ScheduleConflict) => string {
  const translate = useTranslate();
  const locale = useFormatLocale();
  return (conflict) => {
    const busy = conflict.kinds.length > 1 ? 'BOTH' : conflict.kinds[0];
    return translate('mps.conflicts.line', {
      group: conflict.otherGroupCode,
      when: rigaRange(locale, conflict.otherStartsAt, conflict.otherEndsAt),
      busy: translate(`mps.conflicts.busy.${busy}`),
    });
  };
}

const ConflictLines = ({ conflicts }: { conflicts: ScheduleConflict[] }) => {
  const describe = useDescribeConflict();
  return (
    <ul style={{ margin: 0, paddingLeft: '1.25em' }}>
      {conflicts.map((conflict, index) => (
        <li key={index}>{describe(conflict)}</li>
      ))}
    </ul>
  );
};

/** In session tables: a warning sign on a session that clashes with another, naming them on hover and to screen readers. */
export const ConflictFlag = () => {
  const session = useRecordContext();
  const translate = useTranslate();
  const describe = useDescribeConflict();
  const conflicts = (session?.conflicts ?? []) as ScheduleConflict[];
  if (conflicts.length === 0) return null;
  return (
    <Tooltip title={<ConflictLines conflicts={conflicts} />}>
      <WarningAmberIcon
        color="warning"
        role="img"
        tabIndex={0}
        aria-hidden={false}
        aria-label={`${translate('mps.conflicts.flag')}: ${conflicts.map(describe).join('; ')}`}
      />
    </Tooltip>
  );
};

/** On a session's form: the clashes it was saved with. */
export const ConflictsNotice = () => {
  const session = useRecordContext();
  const translate = useTranslate();
  const conflicts = (session?.conflicts ?? []) as ScheduleConflict[];
  if (conflicts.length === 0) return null;
  return (
    <Alert severity="warning" sx={{ mb: 2, width: '100%' }}>
      {translate('mps.conflicts.notice')}
      <ConflictLines conflicts={conflicts} />
    </Alert>
  );
};

interface Refused {
  data: unknown;
  conflicts: ScheduleConflict[];
}

/**
 * For <Edit>/<Create mutationOptions>: a SCHEDULE_CONFLICT opens the dialog instead of a notification;
 * any other error is shown as react-admin shows it (field errors under the inputs, the rest as a notification).
 */
export function useScheduleConflicts() {
  const notify = useNotify();
  const [refused, setRefused] = useState<Refused | null>(null);
  const onError = (error: unknown, variables: { data?: unknown } | undefined) => {
    const body = (error as HttpError | undefined)?.body as { code?: string; conflicts?: ScheduleConflict[]; errors?: object } | undefined;
    if (body?.code === 'SCHEDULE_CONFLICT') {
      setRefused({ data: variables?.data, conflicts: body.conflicts ?? [] });
      return;
    }
    if (body?.errors && Object.keys(body.errors).length > 0) return;
    notify(error instanceof Error ? error.message : 'mps.errors.INTERNAL_SERVER_ERROR', { type: 'error' });
  };
  return { onError, refused, close: () => setRefused(null) };
}

/**
 * Lists what clashes (the other group and its time in Riga, and whether the lecturer or the place is
 * busy) and offers to save anyway: the same values again, with `overrideConflicts`. Render it inside
 * the <Edit> or <Create>, whose save it repeats.
 */
export const ScheduleConflictDialog = ({ refused, close }: { refused: Refused | null; close: () => void }) => {
  const translate = useTranslate();
  const { save } = useSaveContext();
  if (!refused) return null;
  const saveAnyway = () => {
    close();
    void save?.(refused.data as object, { transform: (values) => ({ ...values, overrideConflicts: true }) });
  };
  return (
    <Dialog open onClose={close} aria-labelledby="schedule-conflict-title" aria-describedby="schedule-conflict-intro" maxWidth="sm" fullWidth>
      <DialogTitle id="schedule-conflict-title">{translate('mps.conflicts.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText id="schedule-conflict-intro" sx={{ mb: 1 }}>
          {translate('mps.conflicts.intro')}
        </DialogContentText>
        <ConflictLines conflicts={refused.conflicts} />
        <DialogContentText sx={{ mt: 2 }}>{translate('mps.conflicts.question')}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>{translate('mps.conflicts.cancel')}</Button>
        <Button variant="contained" color="warning" onClick={saveAnyway}>
          {translate('mps.conflicts.saveAnyway')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

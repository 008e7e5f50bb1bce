import GroupAddIcon from '@mui/icons-material/GroupAdd';
import {
  Alert,
  Autocomplete,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  Chip,
  FormControl,
  InputLabel,
  MenuItem,
  Select,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TablePagination,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { HttpError, RecordContextProvider, Title, useDataProvider, useGetList, useNotify, useTranslate, type RaRecord } from 'react-admin';
import type { ConsoleDataProvider } from '../../data/dataProvider';
import { useFormatLocale, useRigaTime } from '../../components/fields';
import { useConsoleQuery } from '../../data/useConsoleQuery';
import { useOwnInstitutions } from '../institutions/useOwnInstitutions';
import { RegistrationStatusChip } from './Registrations';

interface GroupChoice {
  id: string;
  code: string;
  status: string;
  courseId: string;
  startsAt: string | null;
  endsAt: string | null;
  registrationDeadline: string | null;
  maxSize: number;
  seatsLeft: number;
  isFull: boolean;
  priceCents: number | null;
}

interface CourseGroups {
  id: string;
  code: string;
  title: string;
  openGroups: GroupChoice[];
}

/** The group named in the console's URL (`#/registerEmployees?groupId=…`), if any. */
const groupIdInUrl = () => new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('groupId') ?? '';

/** The API takes at most this many people in one registration. */
const MAX_AT_ONCE = 200;
const PAGE_SIZE = 25;
/** Registrations of one institution's employees in one group: enough to mark who is already in. */
const MAX_KNOWN = 1000;

/** A group as a choice: its code, dates on the school's clock, seats and deadline. */
const useGroupLabel = () => {
  const translate = useTranslate();
  const time = useRigaTime();
  return (group: GroupChoice) =>
    translate('mps.registerEmployees.groupChoice', {
      code: group.code,
      starts: group.startsAt ? time(group.startsAt) : translate('mps.registerEmployees.noDate'),
      seats: group.seatsLeft,
      max: group.maxSize,
    });
};

/** The group to register into: a course (searched), then one of its groups that takes registrations. */
const GroupPicker = ({ group, onGroup }: { group: GroupChoice | null; onGroup: (group: GroupChoice | null) => void }) => {
  const translate = useTranslate();
  const label = useGroupLabel();
  const [search, setSearch] = useState('');
  const [courseId, setCourseId] = useState<string | null>(group?.courseId ?? null);
  useEffect(() => {
    if (group?.courseId) setCourseId(group.courseId);
  }, [group?.courseId]);
  const courses = useGetList('courses', {
    filter: { hasDate: true, ...(search.trim() ? { q: search.trim() } : {}) },
    pagination: { page: 1, perPage: 50 },
    sort: { field: 'title', order: 'ASC' },
  });
  const chosen = useConsoleQuery<CourseGroups | null>('registrations', 'courseGroups', { id: courseId }, { enabled: !!courseId });
  const groups = courseId ? (chosen.data?.openGroups ?? []) : [];
  const options = courses.data ?? [];
  const course =
    options.find((c) => c.id === courseId) ?? (chosen.data && courseId ? { id: chosen.data.id, code: chosen.data.code, title: chosen.data.title } : null);

  return (
    <Stack spacing={2} direction={{ xs: 'column', md: 'row' }}>
      <Autocomplete
        sx={{ minWidth: 320, flex: 1 }}
        options={options}
        value={course}
        loading={courses.isPending}
        filterOptions={(all) => all}
        isOptionEqualToValue={(a, b) => a.id === b.id}
        getOptionLabel={(c: RaRecord) => `${c.code} · ${c.title}`}
        onInputChange={(_, value, reason) => reason === 'input' && setSearch(value)}
        onChange={(_, value) => {
          setCourseId(value ? String(value.id) : null);
          onGroup(null);
        }}
        noOptionsText={translate('mps.registerEmployees.noCourses')}
        renderInput={(params) => <TextField {...params} label={translate('mps.registerEmployees.course')} />}
      />
      <FormControl sx={{ minWidth: 320, flex: 1 }} disabled={!courseId}>
        <InputLabel id="register-group">{translate('mps.registerEmployees.group')}</InputLabel>
        <Select
          labelId="register-group"
          label={translate('mps.registerEmployees.group')}
          value={group && groups.some((g) => g.id === group.id) ? group.id : ''}
          onChange={(event) => onGroup(groups.find((g) => g.id === event.target.value) ?? null)}
        >
          {groups.map((g) => (
            <MenuItem key={g.id} value={g.id}>
              {label(g)}
            </MenuItem>
          ))}
        </Select>
        {courseId && !chosen.isPending && groups.length === 0 ? (
          <Typography variant="caption" color="text.secondary">
            {translate('mps.registerEmployees.noGroups')}
          </Typography>
        ) : null}
      </FormControl>
    </Stack>
  );
};

/** Current employees of the institution, searched on the server, chosen with checkboxes across pages. */
const EmployeePicker = ({
  institutionId,
  registered,
  chosen,
  onChosen,
}: {
  institutionId: string;
  registered: Map<string, RaRecord>;
  chosen: Map<string, string>;
  onChosen: (chosen: Map<string, string>) => void;
}) => {
  const translate = useTranslate();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(0);
  const {
    data = [],
    total = 0,
    isPending,
  } = useGetList('employees', {
    filter: { institutionId, state: 'CURRENT', ...(search.trim() ? { q: search.trim() } : {}) },
    pagination: { page: page + 1, perPage: PAGE_SIZE },
    sort: { field: 'fullName', order: 'ASC' },
  });
  const personOf = (employee: RaRecord) => String((employee.person as RaRecord).id);
  const toggle = (employee: RaRecord) => {
    const next = new Map(chosen);
    const id = personOf(employee);
    if (next.has(id)) next.delete(id);
    else next.set(id, String(employee.fullName));
    onChosen(next);
  };
  const selectable = data.filter((e) => !registered.has(personOf(e)));
  const allOnPage = selectable.length > 0 && selectable.every((e) => chosen.has(personOf(e)));
  const togglePage = () => {
    const next = new Map(chosen);
    for (const employee of selectable) {
      if (allOnPage) next.delete(personOf(employee));
      else next.set(personOf(employee), String(employee.fullName));
    }
    onChosen(next);
  };

  return (
    <Stack spacing={1}>
      <TextField
        label={translate('mps.registerEmployees.search')}
        value={search}
        onChange={(event) => {
          setSearch(event.target.value);
          setPage(0);
        }}
        size="small"
        sx={{ maxWidth: 360 }}
      />
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label={translate('mps.registerEmployees.employees')}>
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox">
                <Checkbox
                  checked={allOnPage}
                  onChange={togglePage}
                  disabled={selectable.length === 0}
                  slotProps={{ input: { 'aria-label': translate('mps.registerEmployees.choosePage') } }}
                />
              </TableCell>
              <TableCell>{translate('resources.employees.fields.fullName')}</TableCell>
              <TableCell>{translate('resources.employees.fields.personalCode')}</TableCell>
              <TableCell>{translate('resources.employees.fields.position')}</TableCell>
              <TableCell>{translate('mps.registerEmployees.inThisGroup')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.map((employee) => {
              const personId = personOf(employee);
              const existing = registered.get(personId);
              return (
                <TableRow
                  key={employee.id}
                  hover={!existing}
                  onClick={existing ? undefined : () => toggle(employee)}
                  sx={{ cursor: existing ? 'default' : 'pointer' }}
                >
                  <TableCell padding="checkbox">
                    <Checkbox
                      checked={chosen.has(personId)}
                      disabled={!!existing}
                      onClick={(event) => event.stopPropagation()}
                      onChange={() => toggle(employee)}
                      slotProps={{ input: { 'aria-label': translate('mps.registerEmployees.choose', { name: employee.fullName }) } }}
                    />
                  </TableCell>
                  <TableCell>{employee.fullName}</TableCell>
                  <TableCell>{employee.personalCode}</TableCell>
                  <TableCell>{employee.position}</TableCell>
                  <TableCell>
                    {existing ? (
                      <RecordContextProvider value={existing}>
                        <RegistrationStatusChip />
                      </RecordContextProvider>
                    ) : null}
                  </TableCell>
                </TableRow>
              );
            })}
            {!isPending && data.length === 0 ? (
              <TableRow>
                <TableCell colSpan={5}>{translate('mps.registerEmployees.noEmployees')}</TableCell>
              </TableRow>
            ) : null}
          </TableBody>
        </Table>
      </Box>
      <TablePagination
        component="div"
        count={total}
        page={page}
        onPageChange={(_, next) => setPage(next)}
        rowsPerPage={PAGE_SIZE}
        rowsPerPageOptions={[PAGE_SIZE]}
        labelDisplayedRows={({ from, to, count }) => translate('mps.registerEmployees.rows', { from, to, count })}
      />
    </Stack>
  );
};

/** What the registration will do: seats first, the rest to the waiting list; what it costs. */
const Summary = ({ group, count }: { group: GroupChoice; count: number }) => {
  const translate = useTranslate();
  const locale = useFormatLocale();
  const confirmed = Math.min(count, Math.max(0, group.seatsLeft));
  const euro = (cents: number) => (cents / 100).toLocaleString(locale, { style: 'currency', currency: 'EUR' });
  const price = group.priceCents ?? 0;
  return (
    <Alert severity={count > confirmed ? 'warning' : 'info'} role="status">
      {translate('mps.registerEmployees.summary', { smart_count: count, confirmed, waiting: count - confirmed })}{' '}
      {price > 0 ? translate('mps.registerEmployees.price', { each: euro(price), total: euro(price * count) }) : translate('mps.registerEmployees.free')}
    </Alert>
  );
};

/** The error in the user's language: the translated message and, for bad input, what is wrong with which field. */
const useErrorText = () => {
  const translate = useTranslate();
  return (error: unknown): string[] => {
    if (!(error instanceof HttpError)) return [error instanceof Error ? error.message : translate('mps.errors.INTERNAL_SERVER_ERROR')];
    const body = (error.body ?? {}) as { errors?: Record<string, unknown> };
    const fields = Object.entries(body.errors ?? {})
      .filter(([field]) => field !== 'root')
      .map(([, message]) => String(message));
    return [error.message, ...fields.filter((text) => text !== error.message)];
  };
};

/**
 * A coordinator (or staff) registers employees of an institution into a group at once (R-REG-3):
 * all of them or, on any refusal, none. Opened from a group with `?groupId=`.
 */
export const RegisterEmployees = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const errorText = useErrorText();
  const institutions = useOwnInstitutions();
  const [group, setGroup] = useState<GroupChoice | null>(null);
  const [institutionId, setInstitutionId] = useState('');
  const [billingAccountId, setBillingAccountId] = useState('');
  const [chosen, setChosen] = useState<Map<string, string>>(new Map());
  const [pending, setPending] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [result, setResult] = useState<RaRecord[] | null>(null);

  // Opened for a group: read it (a coordinator may read a published group of a course they may see).
  const [groupInUrl] = useState(groupIdInUrl);
  const preset = useConsoleQuery<GroupChoice | null>('registrations', 'group', { id: groupInUrl }, { enabled: !!groupInUrl });
  useEffect(() => {
    if (groupInUrl && preset.data) setGroup(preset.data);
  }, [groupInUrl, preset.data]);
  useEffect(() => {
    if (!institutionId && institutions.total === 1 && institutions.data?.[0]) setInstitutionId(String(institutions.data[0].id));
  }, [institutionId, institutions.total, institutions.data]);

  const accounts = useGetList(
    'billingAccounts',
    { filter: { institutionId }, pagination: { page: 1, perPage: 100 }, sort: { field: 'name', order: 'ASC' } },
    { enabled: !!institutionId },
  );
  useEffect(() => {
    const active = accounts.data ?? [];
    if (active.length === 1 && !billingAccountId) setBillingAccountId(String(active[0].id));
  }, [accounts.data, billingAccountId]);

  const existing = useGetList(
    'registrations',
    { filter: { groupId: group?.id, institutionId }, pagination: { page: 1, perPage: MAX_KNOWN } },
    { enabled: !!group && !!institutionId },
  );
  const registered = useMemo(() => new Map((existing.data ?? []).filter((r) => r.status !== 'CANCELLED').map((r) => [String(r.personId), r])), [existing.data]);

  const paid = (group?.priceCents ?? 0) > 0;
  const tooMany = chosen.size > MAX_AT_ONCE;
  const ready = !!group && !!institutionId && chosen.size > 0 && !tooMany && (!paid || !!billingAccountId);

  const submit = async () => {
    if (!group) return;
    setPending(true);
    setProblems([]);
    try {
      const input = { groupId: group.id, institutionId, personIds: [...chosen.keys()], ...(paid ? { billingAccountId } : {}) };
      const { data } = await dataProvider.runMutation('registrations', { mutation: 'registerEmployees', variables: { input } });
      const placed = data as RaRecord[];
      setResult(placed);
      setChosen(new Map());
      notify('mps.registerEmployees.done', { type: 'info', messageArgs: { smart_count: placed.length } });
      // Not awaited: the list refreshes on its own; refetch reports failures in the query state, it does not reject.
      void existing.refetch();
      const again = await dataProvider.runQuery('registrations', { query: 'group', variables: { id: group.id } });
      if (again.data) setGroup(again.data as GroupChoice);
    } catch (error) {
      setProblems(errorText(error));
    } finally {
      setPending(false);
    }
  };

  const accountChoices = accounts.data ?? [];
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="mps.registerEmployees.title" />
      <CardContent>
        <Stack spacing={3}>
          <Typography variant="body2">{translate('mps.registerEmployees.intro')}</Typography>
          <GroupPicker
            group={group}
            onGroup={(next) => {
              setGroup(next);
              setResult(null);
              setProblems([]);
            }}
          />
          <Stack spacing={2} direction={{ xs: 'column', md: 'row' }}>
            <FormControl sx={{ minWidth: 320, flex: 1 }}>
              <InputLabel id="register-institution">{translate('mps.registerEmployees.institution')}</InputLabel>
              <Select
                labelId="register-institution"
                label={translate('mps.registerEmployees.institution')}
                value={institutionId}
                onChange={(event) => {
                  setInstitutionId(String(event.target.value));
                  setBillingAccountId('');
                  setChosen(new Map());
                }}
              >
                {(institutions.data ?? []).map((institution) => (
                  <MenuItem key={institution.id} value={String(institution.id)}>
                    {institution.name}
                  </MenuItem>
                ))}
              </Select>
            </FormControl>
            <FormControl sx={{ minWidth: 320, flex: 1 }} disabled={!institutionId || !paid}>
              <InputLabel id="register-account">{translate('mps.registerEmployees.billingAccount')}</InputLabel>
              <Select
                labelId="register-account"
                label={translate('mps.registerEmployees.billingAccount')}
                value={paid && accountChoices.some((a) => String(a.id) === billingAccountId) ? billingAccountId : ''}
                onChange={(event) => setBillingAccountId(String(event.target.value))}
              >
                {accountChoices.map((account) => (
                  <MenuItem key={account.id} value={String(account.id)}>
                    {`${account.name} · ${account.number}`}
                  </MenuItem>
                ))}
              </Select>
              <Typography variant="caption" color="text.secondary">
                {!paid
                  ? translate('mps.registerEmployees.noPayment')
                  : accountChoices.length === 0 && institutionId && !accounts.isPending
                    ? translate('mps.registerEmployees.noAccounts')
                    : ''}
              </Typography>
            </FormControl>
          </Stack>
          {group && institutionId ? <EmployeePicker institutionId={institutionId} registered={registered} chosen={chosen} onChosen={setChosen} /> : null}
          {chosen.size > 0 ? (
            <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" aria-label={translate('mps.registerEmployees.chosen')}>
              {[...chosen].map(([id, name]) => (
                <Chip
                  key={id}
                  label={name}
                  onDelete={() => {
                    const next = new Map(chosen);
                    next.delete(id);
                    setChosen(next);
                  }}
                />
              ))}
            </Stack>
          ) : null}
          {group && chosen.size > 0 ? <Summary group={group} count={chosen.size} /> : null}
          {tooMany ? <Alert severity="error">{translate('mps.registerEmployees.tooMany', { max: MAX_AT_ONCE })}</Alert> : null}
          {problems.length > 0 ? (
            <Alert severity="error" role="alert">
              {problems.map((text) => (
                <div key={text}>{text}</div>
              ))}
            </Alert>
          ) : null}
          <Box>
            <Button variant="contained" startIcon={<GroupAddIcon />} disabled={!ready || pending} onClick={() => void submit()}>
              {translate('mps.registerEmployees.submit', { smart_count: chosen.size })}
            </Button>
          </Box>
          {result ? <Result placed={result} /> : null}
        </Stack>
      </CardContent>
    </Card>
  );
};

/** Who got a seat and who waits, after a registration. */
const Result = ({ placed }: { placed: RaRecord[] }) => {
  const translate = useTranslate();
  const waiting = placed.filter((r) => r.status === 'WAITING').length;
  return (
    <Stack spacing={1} aria-live="polite">
      <Typography component="h2" variant="h6">
        {translate('mps.registerEmployees.result', { smart_count: placed.length, confirmed: placed.length - waiting, waiting })}
      </Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.registrations.fields.fullName')}</TableCell>
            <TableCell>{translate('resources.registrations.fields.status')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {placed.map((registration) => (
            <TableRow key={registration.id}>
              <TableCell>{registration.fullName}</TableCell>
              <TableCell>
                <RecordContextProvider value={registration}>
                  <RegistrationStatusChip />
                </RecordContextProvider>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Stack>
  );
};

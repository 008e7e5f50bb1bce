import CancelIcon from '@mui/icons-material/Cancel';
import DownloadIcon from '@mui/icons-material/Download';
import GroupAddIcon from '@mui/icons-material/GroupAdd';
import HowToRegIcon from '@mui/icons-material/HowToReg';
import { Box, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Button,
  DataTable,
  List,
  Pagination,
  ReferenceInput,
  ReferenceManyField,
  AutocompleteInput,
  SelectInput,
  TopToolbar,
  useDataProvider,
  useListContext,
  useNotify,
  usePermissions,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { isStaff } from '../../auth/access';
import { ConfirmedAction } from '../../components/ConfirmedAction';
import { REGISTRATION_STATUS_CHOICES } from '../../components/choices';
import { downloadCsvFile } from '../../components/csv';
import { StatusChip } from '../../components/StatusChip';
import { formatRigaTime } from '../../components/rigaTime';
import { useFormatLocale, useRigaTime } from '../../components/fields';

const STATUS_TONE = { CONFIRMED: 'success', WAITING: 'warning', CANCELLED: 'default' } as const;

/** At most this many registrations go into one CSV file (a group or a filtered list). */
const MAX_EXPORT = 2000;

/** The status as a chip; a waiting registration says its place on the waiting list. */
export const RegistrationStatusChip = () => {
  const registration = useRecordContext();
  const translate = useTranslate();
  if (!registration) return null;
  const status = String(registration.status) as keyof typeof STATUS_TONE;
  const label =
    status === 'WAITING' && registration.waitingPosition
      ? translate('mps.registrations.waitingAt', { position: registration.waitingPosition })
      : translate(`mps.enums.RegistrationStatus.${status}`);
  return <StatusChip tone={STATUS_TONE[status] ?? 'default'} label={label} />;
};

/** Who pays: the institution or the person as it was at registration; "free" for a free course. */
const PayerCell = () => {
  const registration = useRecordContext();
  const translate = useTranslate();
  if (!registration) return null;
  if (registration.payerKind === 'NONE') return <>{translate('mps.enums.PayerKind.NONE')}</>;
  return (
    <>
      {registration.payerName}
      <Typography variant="caption" component="div" color="text.secondary">
        {translate(`mps.enums.PayerKind.${registration.payerKind}`)}
      </Typography>
    </>
  );
};

/** Who registered (and how), and for a cancelled one who cancelled it and why. */
const MadeByCell = () => {
  const registration = useRecordContext();
  const translate = useTranslate();
  const time = useRigaTime();
  if (!registration) return null;
  return (
    <>
      {translate(`mps.enums.RegistrationSource.${registration.source}`)}
      {registration.registeredByName && registration.source !== 'SELF' ? `: ${registration.registeredByName}` : ''}
      {registration.status === 'CANCELLED' ? (
        <Typography variant="caption" component="div" color="text.secondary">
          {translate('mps.registrations.cancelledAt', { time: time(registration.cancelledAt), by: registration.cancelledByName ?? '—' })}
          {registration.cancellationReason ? ` · ${registration.cancellationReason}` : ''}
        </Typography>
      ) : null}
    </>
  );
};

/** Cancel (a reason is kept and told to the person) and, for staff, move a waiting person into the group. */
const RowActions = () => {
  const registration = useRecordContext();
  const { permissions } = usePermissions();
  if (!registration || registration.status === 'CANCELLED') return null;
  const args = { name: registration.fullName, group: registration.groupCode };
  return (
    <Stack direction="row" spacing={0.5}>
      {registration.status === 'WAITING' && isStaff(permissions) ? (
        <ConfirmedAction
          resource="registrations"
          action="confirm"
          id={String(registration.id)}
          label="mps.registrations.confirm"
          icon={<HowToRegIcon />}
          title="mps.registrations.confirmTitle"
          content="mps.registrations.confirmContent"
          messageArgs={args}
          done="mps.registrations.confirmed"
        />
      ) : null}
      <ConfirmedAction
        resource="registrations"
        action="cancel"
        id={String(registration.id)}
        label="mps.registrations.cancel"
        icon={<CancelIcon />}
        title="mps.registrations.cancelTitle"
        content="mps.registrations.cancelContent"
        messageArgs={args}
        done="mps.registrations.cancelled"
        color="error"
        cancelLabel="ra.action.close"
        textInput={{ variable: 'reason', label: 'mps.registrations.reason', helperText: 'mps.help.registrationCancellationReason', maxLength: 500 }}
      />
    </Stack>
  );
};

/** The registrations table; `withGroup` adds the course and group columns (off inside a group's page). */
const RegistrationTable = ({ withGroup }: { withGroup: boolean }) => {
  const time = useRigaTime();
  return (
    <DataTable rowClick={false} bulkActionButtons={false}>
      <DataTable.Col source="fullName" disableSort />
      <DataTable.Col source="personalCode" disableSort />
      {withGroup ? <DataTable.Col source="courseTitle" disableSort render={(r: RaRecord) => `${r.courseCode ?? ''} · ${r.courseTitle ?? ''}`} /> : null}
      {withGroup ? <DataTable.Col source="groupCode" disableSort /> : null}
      <DataTable.Col source="status" disableSort>
        <RegistrationStatusChip />
      </DataTable.Col>
      <DataTable.Col source="payerName" disableSort>
        <PayerCell />
      </DataTable.Col>
      <DataTable.NumberCol source="priceEuro" disableSort options={{ style: 'currency', currency: 'EUR' }} locales={useFormatLocale()} />
      <DataTable.Col source="registeredByName" disableSort>
        <MadeByCell />
      </DataTable.Col>
      <DataTable.Col source="createdAt" disableSort render={(r: RaRecord) => time(r.createdAt)} />
      <DataTable.Col source="actions" disableSort label="">
        <RowActions />
      </DataTable.Col>
    </DataTable>
  );
};

/** The columns of the CSV, in the UI language, and the values of one row. */
function useCsvRows() {
  const translate = useTranslate();
  const locale = useFormatLocale();
  const fields = [
    'fullName',
    'personalCode',
    'courseCode',
    'groupCode',
    'status',
    'waitingPosition',
    'payerKind',
    'payerName',
    'priceEuro',
    'source',
    'registeredByName',
    'createdAt',
    'cancelledAt',
    'cancelledByName',
    'cancellationReason',
  ];
  const header = fields.map((field) => translate(`resources.registrations.fields.${field}`));
  const row = (r: RaRecord) => [
    r.fullName,
    r.personalCode,
    r.courseCode,
    r.groupCode,
    translate(`mps.enums.RegistrationStatus.${r.status}`),
    r.waitingPosition,
    translate(`mps.enums.PayerKind.${r.payerKind}`),
    r.payerName,
    typeof r.priceEuro === 'number' ? r.priceEuro.toFixed(2) : '',
    translate(`mps.enums.RegistrationSource.${r.source}`),
    r.registeredByName,
    formatRigaTime(r.createdAt, locale),
    formatRigaTime(r.cancelledAt, locale),
    r.cancelledByName,
    r.cancellationReason,
  ];
  return { header, row };
}

/** Exports every registration the list shows (all pages, not only this one) as CSV; `filter` for a group's list. */
const ExportRegistrations = ({ fileName, filter: fixed }: { fileName: string; filter?: Record<string, unknown> }) => {
  const { filter: chosen, total } = useListContext();
  const filter = fixed ?? chosen;
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const { header, row } = useCsvRows();
  const [pending, setPending] = useState(false);
  const run = async () => {
    setPending(true);
    try {
      const { data } = await dataProvider.getList('registrations', {
        filter,
        pagination: { page: 1, perPage: MAX_EXPORT },
        sort: { field: 'id', order: 'ASC' },
      });
      downloadCsvFile(header, data.map(row), fileName);
      if ((total ?? 0) > MAX_EXPORT) notify('mps.registrations.exportTruncated', { type: 'warning', messageArgs: { max: MAX_EXPORT } });
    } catch (error) {
      notify(error instanceof Error ? error.message : 'mps.errors.INTERNAL_SERVER_ERROR', { type: 'error' });
    } finally {
      setPending(false);
    }
  };
  return (
    <Button label="mps.registrations.exportCsv" onClick={() => void run()} disabled={pending || !total}>
      <DownloadIcon />
    </Button>
  );
};

/** Opens the page that registers employees, for one group when given. */
const RegisterEmployeesButton = ({ groupId }: { groupId?: string }) => (
  <Button label="mps.registrations.registerEmployees" to={{ pathname: '/registerEmployees', search: groupId ? `?groupId=${encodeURIComponent(groupId)}` : '' }}>
    <GroupAddIcon />
  </Button>
);

const ListActions = () => {
  const translate = useTranslate();
  return (
    <TopToolbar>
      <RegisterEmployeesButton />
      <ExportRegistrations fileName={translate('mps.registrations.fileName')} />
    </TopToolbar>
  );
};

/** Staff: every registration; a coordinator: those of their institutions' employees. */
export const RegistrationList = () => {
  const { permissions } = usePermissions();
  const staff = isStaff(permissions);
  const filters = [
    <SelectInput key="status" source="status" choices={REGISTRATION_STATUS_CHOICES} alwaysOn />,
    <ReferenceInput key="courseId" source="courseId" reference="courses" alwaysOn>
      <AutocompleteInput sx={{ minWidth: 280 }} />
    </ReferenceInput>,
    ...(staff
      ? [
          <ReferenceInput key="groupId" source="groupId" reference="groups">
            <AutocompleteInput />
          </ReferenceInput>,
        ]
      : []),
    <ReferenceInput key="institutionId" source="institutionId" reference="institutions">
      <AutocompleteInput sx={{ minWidth: 240 }} />
    </ReferenceInput>,
  ];
  return (
    <List filters={filters} perPage={25} exporter={false} actions={<ListActions />}>
      <RegistrationTable withGroup />
    </List>
  );
};

/** A group's registrations in list order, with the export and a way to register more. */
export const GroupRegistrations = () => {
  const group = useRecordContext();
  const translate = useTranslate();
  if (!group) return null;
  return (
    <Box sx={{ width: '100%' }}>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate('mps.registrations.groupSummary', { taken: group.seatsTaken ?? 0, max: group.maxSize, min: group.minSize })}
      </Typography>
      <ReferenceManyField reference="registrations" target="groupId" perPage={100} pagination={<Pagination rowsPerPageOptions={[100]} />}>
        <Stack direction="row" spacing={1} sx={{ mb: 1 }}>
          <RegisterEmployeesButton groupId={String(group.id)} />
          <ExportRegistrations fileName={`${group.code}-${translate('mps.registrations.fileName')}`} filter={{ groupId: group.id }} />
        </Stack>
        <RegistrationTable withGroup={false} />
      </ReferenceManyField>
    </Box>
  );
};

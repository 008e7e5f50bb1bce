import AddBusinessIcon from '@mui/icons-material/AddBusiness';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import { Stack, Typography } from '@mui/material';
import { CreateButton, DataTable, List, SelectInput, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import { ConfirmedAction } from '../../components/ConfirmedAction';
import { NOMINATION_STATUS_CHOICES } from '../../components/choices';
import { StatusChip } from '../../components/StatusChip';
import { useRigaTime } from '../../components/fields';

const STATUS_TONE = { PENDING: 'warning', APPROVED: 'success', REFUSED: 'error', WITHDRAWN: 'default' } as const;

/** The institution as the person named it; whether the system has it, and if not a way to create it. */
const InstitutionCell = () => {
  const nomination = useRecordContext();
  const translate = useTranslate();
  if (!nomination) return null;
  return (
    <Stack spacing={0.5} alignItems="flex-start">
      <span>{nomination.knownInstitutionName ?? nomination.institutionName}</span>
      <Typography variant="caption" color="text.secondary">
        {translate('mps.nominations.registrationNumber', { number: nomination.registrationNumber })}
      </Typography>
      {nomination.knownInstitutionId ? null : (
        <CreateButton
          resource="institutions"
          label="mps.nominations.createInstitution"
          icon={<AddBusinessIcon />}
          state={{ record: { name: nomination.institutionName, registrationNumber: nomination.registrationNumber } }}
        />
      )}
    </Stack>
  );
};

const StatusCell = () => {
  const nomination = useRecordContext();
  const translate = useTranslate();
  const time = useRigaTime();
  if (!nomination) return null;
  const status = String(nomination.status) as keyof typeof STATUS_TONE;
  return (
    <Stack spacing={0.5} alignItems="flex-start">
      <StatusChip tone={STATUS_TONE[status] ?? 'default'} label={translate(`mps.enums.NominationStatus.${status}`)} />
      {nomination.decidedAt && status !== 'PENDING' ? (
        <Typography variant="caption" color="text.secondary">
          {time(nomination.decidedAt)}
          {nomination.decidedByName ? ` · ${nomination.decidedByName}` : ''}
          {nomination.decisionNote ? ` · ${nomination.decisionNote}` : ''}
        </Typography>
      ) : null}
    </Stack>
  );
};

/** Approve (appoints the person; an optional note goes into their e-mail) or refuse (the reason is required and told). */
const Decide = () => {
  const nomination = useRecordContext();
  if (!nomination || nomination.status !== 'PENDING') return null;
  const args = { name: nomination.fullName, institution: nomination.knownInstitutionName ?? nomination.institutionName };
  return (
    <Stack direction="row" spacing={0.5}>
      <ConfirmedAction
        resource="coordinatorNominations"
        action="approve"
        id={String(nomination.id)}
        label="mps.nominations.approve"
        icon={<CheckIcon />}
        title="mps.nominations.approveTitle"
        content="mps.nominations.approveContent"
        messageArgs={args}
        done="mps.nominations.approved"
        textInput={{ variable: 'note', label: 'mps.nominations.note', helperText: 'mps.nominations.noteHelp', maxLength: 1000 }}
      />
      <ConfirmedAction
        resource="coordinatorNominations"
        action="refuse"
        id={String(nomination.id)}
        label="mps.nominations.refuse"
        icon={<CloseIcon />}
        title="mps.nominations.refuseTitle"
        content="mps.nominations.refuseContent"
        messageArgs={args}
        done="mps.nominations.refused"
        color="error"
        cancelLabel="ra.action.close"
        textInput={{ variable: 'reason', label: 'mps.nominations.reason', helperText: 'mps.nominations.reasonHelp', maxLength: 1000, required: true }}
      />
    </Stack>
  );
};

/** Staff: people's requests to coordinate an institution, the waiting ones first (oldest first). */
export const CoordinatorNominationList = () => {
  const time = useRigaTime();
  return (
    <List
      filters={[<SelectInput key="status" source="status" choices={NOMINATION_STATUS_CHOICES} alwaysOn />]}
      filterDefaultValues={{ status: 'PENDING' }}
      perPage={25}
      exporter={false}
    >
      <DataTable rowClick={false} bulkActionButtons={false}>
        <DataTable.Col source="createdAt" disableSort render={(r: RaRecord) => time(r.createdAt)} />
        <DataTable.Col
          source="fullName"
          disableSort
          render={(r: RaRecord) => (
            <>
              {r.fullName}
              {r.email ? (
                <Typography variant="caption" component="div">
                  <a href={`mailto:${r.email}`}>{r.email}</a>
                </Typography>
              ) : null}
            </>
          )}
        />
        <DataTable.Col source="institutionName" disableSort>
          <InstitutionCell />
        </DataTable.Col>
        <DataTable.Col source="position" disableSort />
        <DataTable.Col source="note" disableSort />
        <DataTable.Col source="status" disableSort>
          <StatusCell />
        </DataTable.Col>
        <DataTable.Col source="actions" disableSort label="">
          <Decide />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

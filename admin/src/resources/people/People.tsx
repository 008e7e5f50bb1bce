import { Alert, Chip, FormControlLabel, FormGroup, Stack, Switch, Typography } from '@mui/material';
import { useState } from 'react';
import DownloadIcon from '@mui/icons-material/Download';
import HistoryIcon from '@mui/icons-material/History';
import PersonOffIcon from '@mui/icons-material/PersonOff';
import {
  Button,
  DataTable,
  Link,
  List,
  SearchInput,
  SelectInput,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useDataProvider,
  useGetIdentity,
  useNotify,
  usePermissions,
  useRecordContext,
  useRefresh,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { isAdmin } from '../../auth/access';
import { ROLE_CHOICES } from '../../components/choices';
import { ConfirmedAction } from '../../components/ConfirmedAction';
import type { ConsoleDataProvider } from '../../data/dataProvider';

/** Roles an administrator grants; COORDINATOR is an appointment and LECTURER a linked lecturer record. */
const GRANTABLE = ['STAFF', 'ADMIN'] as const;

/** Every role of the person as chips. */
const RoleChips = () => {
  const person = useRecordContext();
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
      {((person?.roles as string[] | null) ?? []).map((role) => (
        <Chip
          key={role}
          size="small"
          label={translate(`mps.enums.UserRole.${role}`)}
          color={role === 'PARTICIPANT' ? 'default' : 'primary'}
          variant="outlined"
        />
      ))}
    </Stack>
  );
};

export const PeopleList = () => (
  <List
    filters={[<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="role" source="role" choices={ROLE_CHOICES} alwaysOn />]}
    perPage={25}
    exporter={false}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="fullName" disableSort />
      <DataTable.Col source="email" disableSort />
      <DataTable.Col source="personalCode" disableSort />
      <DataTable.Col source="roles" disableSort>
        <RoleChips />
      </DataTable.Col>
    </DataTable>
  </List>
);

/**
 * An administrator turns STAFF and ADMIN on and off for someone else (R-ID-7); the change counts
 * from the person's next request. Others see the switches but cannot use them, and why.
 */
const GrantedRoles = () => {
  const person = useRecordContext<RaRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { permissions } = usePermissions();
  const { identity } = useGetIdentity();
  const [pending, setPending] = useState<string | null>(null);
  if (!person) return null;
  const admin = isAdmin(permissions);
  const self = identity?.id === person.id;
  const roles = (person.roles as string[] | null) ?? [];

  const toggle = async (role: string, on: boolean) => {
    setPending(role);
    try {
      await dataProvider.runAction('people', { action: on ? 'grantRole' : 'withdrawRole', id: person.id, variables: { role } });
      notify(on ? 'mps.people.granted' : 'mps.people.withdrawn', {
        type: 'info',
        messageArgs: { role: translate(`mps.enums.UserRole.${role}`), name: person.fullName },
      });
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'mps.errors.INTERNAL_SERVER_ERROR', { type: 'error' });
    } finally {
      setPending(null);
    }
  };

  return (
    <Stack spacing={1}>
      <Typography component="h2" variant="h6">
        {translate('mps.people.grantedRoles')}
      </Typography>
      {!admin ? (
        <Alert severity="info">{translate('mps.people.adminOnly')}</Alert>
      ) : self ? (
        <Alert severity="info">{translate('mps.people.notSelf')}</Alert>
      ) : null}
      <FormGroup>
        {GRANTABLE.map((role) => (
          <FormControlLabel
            key={role}
            control={
              <Switch
                checked={roles.includes(role)}
                disabled={!admin || self || pending !== null}
                onChange={(event) => void toggle(role, event.target.checked)}
              />
            }
            label={translate(`mps.people.role.${role}`)}
          />
        ))}
      </FormGroup>
      <Typography variant="body2" color="text.secondary">
        {translate('mps.people.derivedRoles')}
      </Typography>
    </Stack>
  );
};

/** The person's rows in the audit log (R-NF-3): what was changed or read about them, by whom. */
/** Staff: the person's data as one JSON file (a request made on paper), and erasure on request (R-NF-3). */
const PersonalDataActions = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <>
      <Button
        component="a"
        href={`/api/people/${encodeURIComponent(String(record.id))}/data.json`}
        label="mps.people.downloadData"
        startIcon={<DownloadIcon />}
      />
      {record.erasedAt ? (
        <Chip label={translate('mps.people.erased')} />
      ) : (
        <ConfirmedAction
          resource="people"
          action="erase"
          id={String(record.id)}
          label="mps.people.erase"
          icon={<PersonOffIcon />}
          title="mps.people.eraseTitle"
          content="mps.people.eraseContent"
          messageArgs={{ name: record.fullName }}
          done="mps.people.erasedDone"
          color="error"
          textInput={{ variable: 'reason', label: 'mps.people.eraseReason', helperText: 'mps.people.eraseReasonHelp', maxLength: 1000, required: true }}
        />
      )}
    </>
  );
};

const AuditLink = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Button
      component={Link}
      to={`/auditLog?filter=${encodeURIComponent(JSON.stringify({ personId: record.id }))}`}
      label="mps.audit.ofPerson"
      startIcon={<HistoryIcon />}
    />
  );
};

export const PersonShow = () => (
  <Show
    actions={
      <TopToolbar>
        <PersonalDataActions />
        <AuditLink />
      </TopToolbar>
    }
  >
    <SimpleShowLayout>
      <TextField source="fullName" />
      <TextField source="email" emptyText="—" />
      <TextField source="personalCode" emptyText="—" />
      <RoleChips />
      <GrantedRoles />
    </SimpleShowLayout>
  </Show>
);

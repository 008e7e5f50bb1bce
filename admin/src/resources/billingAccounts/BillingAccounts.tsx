import ArchiveIcon from '@mui/icons-material/Archive';
import UnarchiveIcon from '@mui/icons-material/Unarchive';
import { Box, Chip } from '@mui/material';
import {
  BooleanInput,
  Create,
  CreateButton,
  DataTable,
  Edit,
  List,
  Loading,
  Pagination,
  ReferenceInput,
  ReferenceManyField,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  usePermissions,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { isStaff } from '../../auth/access';
import { ConfirmedAction } from '../../components/ConfirmedAction';
import { keepUserEdits } from '../../components/formOptions';
import { email, iban, maxLength, required } from '../../validation';
import { useDefaultInstitutionId } from '../institutions/useOwnInstitutions';

/** Archive or restore: employees choose among active accounts only; archived ones stay for old invoices. */
const ArchiveToggle = () => {
  const record = useRecordContext();
  if (!record) return null;
  const archived = !!record.archivedAt;
  return (
    <ConfirmedAction
      resource="billingAccounts"
      action={archived ? 'restore' : 'archive'}
      id={String(record.id)}
      label={archived ? 'mps.billingAccounts.restore' : 'mps.billingAccounts.archive'}
      icon={archived ? <UnarchiveIcon /> : <ArchiveIcon />}
      title={archived ? 'mps.billingAccounts.restoreTitle' : 'mps.billingAccounts.archiveTitle'}
      content={archived ? 'mps.billingAccounts.restoreContent' : 'mps.billingAccounts.archiveContent'}
      messageArgs={{ name: record.name }}
      done={archived ? 'mps.billingAccounts.restored' : 'mps.billingAccounts.archived'}
    />
  );
};

const StateChip = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return record.archivedAt ? (
    <Chip size="small" label={translate('mps.billingAccounts.stateArchived')} />
  ) : (
    <Chip size="small" color="success" variant="outlined" label={translate('mps.billingAccounts.stateActive')} />
  );
};

const AccountTable = ({ showInstitution = false }: { showInstitution?: boolean }) => (
  <DataTable rowClick="edit" bulkActionButtons={false}>
    <DataTable.Col source="name" disableSort />
    <DataTable.Col source="number" disableSort render={(account) => <code>{account.number}</code>} />
    <DataTable.Col source="invoiceEmail" disableSort />
    {showInstitution ? <DataTable.Col source="institution" disableSort render={(account) => account.institution?.name ?? ''} /> : null}
    <DataTable.Col source="archivedAt" label="resources.billingAccounts.fields.state" disableSort>
      <StateChip />
    </DataTable.Col>
    <DataTable.Col label=" " disableSort>
      <ArchiveToggle />
    </DataTable.Col>
  </DataTable>
);

const filters = [
  <ReferenceInput key="institutionId" source="institutionId" reference="institutions" alwaysOn>
    <SelectInput optionText="name" sx={{ minWidth: 260 }} />
  </ReferenceInput>,
  <BooleanInput key="includeArchived" source="includeArchived" alwaysOn />,
];

export const BillingAccountList = () => (
  <List filters={filters} perPage={25} exporter={false}>
    <AccountTable showInstitution />
  </List>
);

/** On the institution's page (staff): its accounts, archived ones too. */
export const InstitutionBillingAccounts = () => {
  const institution = useRecordContext();
  if (!institution) return null;
  return (
    <Box sx={{ width: '100%' }}>
      <ReferenceManyField reference="billingAccounts" target="institutionId" filter={{ includeArchived: true }} perPage={50} pagination={<Pagination />}>
        <AccountTable />
      </ReferenceManyField>
      <CreateButton resource="billingAccounts" state={{ record: { institutionId: institution.id } }} label="mps.billingAccounts.add" sx={{ mt: 2 }} />
    </Box>
  );
};

const AccountFields = ({ creating }: { creating: boolean }) => (
  <>
    <ReferenceInput source="institutionId" reference="institutions" perPage={100}>
      <SelectInput optionText="name" validate={required()} disabled={!creating} />
    </ReferenceInput>
    <TextInput source="name" validate={[required(), maxLength(200)]} helperText="mps.help.billingAccountName" />
    <TextInput source="number" validate={[required(), iban()]} helperText="mps.help.iban" />
    <TextInput source="invoiceEmail" type="email" validate={email()} helperText="mps.help.billingAccountEmail" />
    <TextInput source="buyerReference" validate={maxLength(100)} helperText="mps.help.accountBuyerReference" />
  </>
);

/** Staff go back to the institution's page, a coordinator to the accounts list. */
const useAfterSave = () => {
  const { permissions } = usePermissions();
  return (_resource?: string, _id?: unknown, data?: Partial<RaRecord>) =>
    isStaff(permissions) && data?.institutionId ? `/institutions/${data.institutionId}/accounts` : '/billingAccounts';
};

export const BillingAccountCreate = () => {
  const { institutionId, isPending } = useDefaultInstitutionId();
  const redirect = useAfterSave();
  if (isPending) return <Loading />;
  return (
    <Create redirect={redirect}>
      <SimpleForm sx={{ maxWidth: 640 }} defaultValues={{ institutionId }}>
        <AccountFields creating />
      </SimpleForm>
    </Create>
  );
};

const EditToolbar = () => (
  <Toolbar sx={{ display: 'flex', justifyContent: 'space-between' }}>
    <SaveButton />
    <ArchiveToggle />
  </Toolbar>
);

export const BillingAccountEdit = () => {
  const redirect = useAfterSave();
  return (
    <Edit mutationMode="pessimistic" redirect={redirect}>
      <SimpleForm sx={{ maxWidth: 640 }} resetOptions={keepUserEdits} toolbar={<EditToolbar />}>
        <AccountFields creating={false} />
      </SimpleForm>
    </Edit>
  );
};

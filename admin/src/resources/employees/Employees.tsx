import UploadFileIcon from '@mui/icons-material/UploadFile';
import WorkOffIcon from '@mui/icons-material/WorkOff';
import { Box, Stack } from '@mui/material';
import {
  Button,
  Create,
  CreateButton,
  DataTable,
  DateField,
  List,
  Loading,
  Pagination,
  ReferenceInput,
  ReferenceManyField,
  SearchInput,
  SelectField,
  SelectInput,
  SimpleForm,
  TextInput,
  TopToolbar,
  useCreatePath,
  usePermissions,
  useRecordContext,
  useRedirect,
  type RaRecord,
} from 'react-admin';
import { isStaff } from '../../auth/access';
import { EMPLOYMENT_SOURCE_CHOICES, EMPLOYMENT_STATE_CHOICES } from '../../components/choices';
import { ConfirmedAction } from '../../components/ConfirmedAction';
import { useFormatLocale } from '../../components/fields';
import { SCHOOL_TIME_ZONE } from '../../components/rigaTime';
import { CreateToolbar } from '../../components/toolbars';
import { email, maxLength, personalCode, required } from '../../validation';
import { useDefaultInstitutionId, useOwnInstitutions } from '../institutions/useOwnInstitutions';

/** Ends a current employment as of now; it stays in the list of ended ones (R-ID-5). */
const EndEmploymentButton = () => {
  const record = useRecordContext();
  if (!record?.current) return null;
  return (
    <ConfirmedAction
      resource="employees"
      action="end"
      id={String(record.id)}
      label="mps.employees.end"
      icon={<WorkOffIcon />}
      title="mps.employees.endTitle"
      content="mps.employees.endContent"
      messageArgs={{ name: record.fullName, institution: record.institutionName }}
      done="mps.employees.ended"
      color="error"
    />
  );
};

const DateOnly = ({ source }: { source: string }) => <DateField source={source} locales={useFormatLocale()} options={{ timeZone: SCHOOL_TIME_ZONE }} />;

const EmployeeTable = ({ showInstitution }: { showInstitution: boolean }) => (
  <DataTable rowClick={false} bulkActionButtons={false}>
    <DataTable.Col source="fullName" />
    <DataTable.Col source="personalCode" disableSort render={(employee) => <code>{employee.personalCode ?? ''}</code>} />
    <DataTable.Col source="position" disableSort />
    <DataTable.Col source="workEmail" disableSort />
    {showInstitution ? <DataTable.Col source="institutionName" disableSort /> : null}
    <DataTable.Col source="startedAt">
      <DateOnly source="startedAt" />
    </DataTable.Col>
    <DataTable.Col source="endedAt">
      <DateOnly source="endedAt" />
    </DataTable.Col>
    <DataTable.Col source="source" disableSort>
      <SelectField source="source" choices={EMPLOYMENT_SOURCE_CHOICES} />
    </DataTable.Col>
    <DataTable.Col label=" " disableSort>
      <EndEmploymentButton />
    </DataTable.Col>
  </DataTable>
);

/** To the roster import, for one institution when the caller names it. */
export const ImportButton = ({ institutionId }: { institutionId?: string }) => {
  const redirect = useRedirect();
  const createPath = useCreatePath();
  const path = createPath({ resource: 'employeeImport', type: 'list' });
  return (
    <Button label="mps.import.open" onClick={() => redirect(institutionId ? `${path}?institutionId=${encodeURIComponent(institutionId)}` : path)}>
      <UploadFileIcon />
    </Button>
  );
};

const ListActions = () => (
  <TopToolbar>
    <CreateButton label="mps.employees.add" />
    <ImportButton />
  </TopToolbar>
);

/** Current employees by default, searchable by name, position, e-mail or a whole personal code. */
export const EmployeeList = () => {
  const { total } = useOwnInstitutions();
  const several = (total ?? 0) > 1;
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="state" source="state" choices={EMPLOYMENT_STATE_CHOICES} alwaysOn sx={{ minWidth: 200 }} />,
    ...(several
      ? [
          <ReferenceInput key="institutionId" source="institutionId" reference="institutions" alwaysOn>
            <SelectInput optionText="name" sx={{ minWidth: 260 }} />
          </ReferenceInput>,
        ]
      : []),
  ];
  return (
    <List
      filters={filters}
      filterDefaultValues={{ state: 'CURRENT' }}
      sort={{ field: 'fullName', order: 'ASC' }}
      perPage={25}
      exporter={false}
      actions={<ListActions />}
    >
      <EmployeeTable showInstitution={several} />
    </List>
  );
};

/** On the institution's page (staff): its current and former employees. */
export const InstitutionEmployees = () => {
  const institution = useRecordContext();
  if (!institution) return null;
  return (
    <Box sx={{ width: '100%' }}>
      <ReferenceManyField reference="employees" target="institutionId" sort={{ field: 'fullName', order: 'ASC' }} perPage={25} pagination={<Pagination />}>
        <EmployeeTable showInstitution={false} />
      </ReferenceManyField>
      <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
        <CreateButton resource="employees" state={{ record: { institutionId: institution.id } }} label="mps.employees.add" />
        <ImportButton institutionId={String(institution.id)} />
      </Stack>
    </Box>
  );
};

/** Staff go back to the institution's page, a coordinator to the employee list. */
const useAfterCreate = () => {
  const { permissions } = usePermissions();
  return (_resource?: string, _id?: unknown, data?: Partial<RaRecord>) =>
    isStaff(permissions) && data?.institutionId ? `/institutions/${data.institutionId}/employees` : '/employees';
};

/** Adding one employee by personal code; the person need not have signed in yet. */
export const EmployeeCreate = () => {
  const { institutionId, isPending } = useDefaultInstitutionId();
  const redirect = useAfterCreate();
  if (isPending) return <Loading />;
  return (
    <Create redirect={redirect}>
      <SimpleForm sx={{ maxWidth: 640 }} defaultValues={{ institutionId }} toolbar={<CreateToolbar />}>
        <ReferenceInput source="institutionId" reference="institutions" perPage={100}>
          <SelectInput optionText="name" validate={required()} />
        </ReferenceInput>
        <TextInput source="personalCode" validate={[required(), personalCode()]} helperText="mps.help.personalCode" />
        <TextInput source="givenName" validate={[required(), maxLength(100)]} />
        <TextInput source="familyName" validate={[required(), maxLength(100)]} />
        <TextInput source="position" validate={maxLength(200)} />
        <TextInput source="workEmail" type="email" validate={email()} />
      </SimpleForm>
    </Create>
  );
};

import {
  ArrayField,
  ChipField,
  Create,
  DataTable,
  Edit,
  FunctionField,
  List,
  SearchInput,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  SingleFieldList,
  TabbedForm,
  TextField,
  TextInput,
  usePermissions,
  type RaRecord,
} from 'react-admin';
import { isStaff } from '../../auth/access';
import { FormColumn } from '../../components/FormColumn';
import { EAS_SCHEME_CHOICES } from '../../components/choices';
import { keepUserEdits } from '../../components/formOptions';
import { SaveOnlyToolbar } from '../../components/toolbars';
import { code, email, maxLength, registrationNumber, required, vatNumber } from '../../validation';
import { InstitutionBillingAccounts } from '../billingAccounts/BillingAccounts';
import { InstitutionEmployees } from '../employees/Employees';
import { InstitutionCoordinators } from './InstitutionCoordinators';

/** Staff open an institution to edit it; a coordinator sees only their own, read-only. */
export const InstitutionList = () => {
  const { permissions } = usePermissions();
  return (
    <List filters={[<SearchInput key="q" source="q" alwaysOn />]} perPage={25} exporter={false}>
      <DataTable rowClick={isStaff(permissions) ? 'edit' : 'show'} bulkActionButtons={false}>
        <DataTable.Col source="code" disableSort />
        <DataTable.Col source="name" disableSort />
        <DataTable.Col source="registrationNumber" disableSort />
        <DataTable.Col source="invoiceEmail" disableSort />
      </DataTable>
    </List>
  );
};

/** The requisites an invoice is made out to. */
const Requisites = () => (
  <FormColumn>
    <TextInput source="code" validate={[required(), code(40)]} />
    <TextInput source="name" validate={[required(), maxLength(200)]} />
    <TextInput source="registrationNumber" validate={[required(), registrationNumber()]} />
    <TextInput source="vatNumber" validate={vatNumber()} />
    <TextInput source="legalAddress.street" label="mps.address.legalStreet" validate={maxLength(200)} />
    <TextInput source="legalAddress.city" label="mps.address.legalCity" validate={maxLength(100)} />
    <TextInput source="legalAddress.postcode" label="mps.address.legalPostcode" validate={maxLength(20)} helperText="mps.address.postcodeHelp" />
    <TextInput source="legalAddress.countryCode" label="mps.address.legalCountry" validate={maxLength(2)} helperText="mps.address.countryHelp" />
    <TextInput source="invoiceEmail" type="email" validate={email()} />
    <SelectInput source="einvoiceScheme" choices={EAS_SCHEME_CHOICES} emptyText="mps.institutions.einvoiceDefault" helperText="mps.help.einvoiceScheme" />
    <TextInput source="einvoiceEndpoint" validate={maxLength(100)} helperText="mps.help.einvoiceEndpoint" />
    <TextInput source="buyerReference" validate={maxLength(100)} helperText="mps.help.buyerReference" />
  </FormColumn>
);

export const InstitutionCreate = () => (
  <Create redirect="edit">
    <SimpleForm toolbar={<SaveOnlyToolbar />}>
      <Requisites />
    </SimpleForm>
  </Create>
);

/** Requisites, then what hangs off the institution: billing accounts, coordinators, employees. */
export const InstitutionEdit = () => (
  <Edit mutationMode="pessimistic">
    <TabbedForm resetOptions={keepUserEdits} toolbar={<SaveOnlyToolbar />}>
      <TabbedForm.Tab label="mps.tabs.requisites">
        <Requisites />
      </TabbedForm.Tab>
      <TabbedForm.Tab label="mps.tabs.billingAccounts" path="accounts">
        <InstitutionBillingAccounts />
      </TabbedForm.Tab>
      <TabbedForm.Tab label="mps.tabs.coordinators" path="coordinators">
        <InstitutionCoordinators />
      </TabbedForm.Tab>
      <TabbedForm.Tab label="mps.tabs.employees" path="employees">
        <InstitutionEmployees />
      </TabbedForm.Tab>
    </TabbedForm>
  </Edit>
);

/** A coordinator's view of their institution. */
export const InstitutionShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="code" />
      <TextField source="name" />
      <TextField source="registrationNumber" />
      <TextField source="vatNumber" emptyText="—" />
      <FunctionField
        source="legalAddress"
        render={(institution: RaRecord) =>
          institution.legalAddress
            ? [institution.legalAddress.street, institution.legalAddress.city, institution.legalAddress.postcode, institution.legalAddress.countryCode]
                .filter(Boolean)
                .join(', ')
            : '—'
        }
      />
      <TextField source="invoiceEmail" emptyText="—" />
      <ArrayField source="coordinators">
        <SingleFieldList linkType={false}>
          <ChipField source="fullName" />
        </SingleFieldList>
      </ArrayField>
    </SimpleShowLayout>
  </Show>
);

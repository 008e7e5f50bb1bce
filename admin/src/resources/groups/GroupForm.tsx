import { Alert } from '@mui/material';
import { AutocompleteInput, NumberInput, ReferenceInput, SelectInput, TabbedForm, TextInput, useRecordContext, useTranslate } from 'react-admin';
import { GROUP_STATUS_CHOICES } from '../../components/choices';
import { SaveOnlyToolbar } from '../../components/toolbars';
import { code, euro, notBelowMinSize, required, wholeNumber } from '../../validation';
import { FormColumn } from '../../components/FormColumn';
import { GroupSessions } from './GroupSessions';
import { GroupRegistrations } from '../registrations/Registrations';
import { keepUserEdits } from '../../components/formOptions';
import { RigaDateTimeInput } from '../../components/RigaDateTimeInput';

const SeatsHelp = () => {
  const group = useRecordContext();
  const translate = useTranslate();
  return group ? translate('mps.help.seatsTaken', { count: group.seatsTaken ?? 0 }) : null;
};

/** A cancelled group says so, with the reason its people were told. */
const CancellationNotice = () => {
  const group = useRecordContext();
  const translate = useTranslate();
  if (group?.status !== 'CANCELLED') return null;
  return (
    <Alert severity="warning" sx={{ mb: 2 }} role="status">
      {group.cancellationReason
        ? translate('mps.groups.cancelledWithReason', { reason: group.cancellationReason })
        : translate('mps.groups.cancelledWithoutReason')}
    </Alert>
  );
};

/** Cancelling goes through "Cancel group", which asks for the reason its people are told; the status shows it afterwards. */
const StatusInput = () => {
  const group = useRecordContext();
  const choices = GROUP_STATUS_CHOICES.map((choice) => (choice.id === 'CANCELLED' && group?.status !== 'CANCELLED' ? { ...choice, disabled: true } : choice));
  return <SelectInput source="status" choices={choices} validate={required()} />;
};

/** Create and edit a group; when editing, its sessions are on a second tab. */
export const GroupForm = ({ withSessions = false }: { withSessions?: boolean }) => (
  <TabbedForm resetOptions={keepUserEdits} toolbar={<SaveOnlyToolbar />} defaultValues={withSessions ? undefined : { status: 'PLANNED' }}>
    <TabbedForm.Tab label="mps.tabs.general">
      <FormColumn>
        <CancellationNotice />
        <TextInput source="code" validate={[required(), code(60)]} />
        <ReferenceInput source="courseId" reference="courses">
          <AutocompleteInput validate={required()} />
        </ReferenceInput>
        <StatusInput />
        <NumberInput source="minSize" step={1} min={1} validate={[required(), wholeNumber(1, 1000)]} />
        <NumberInput
          source="maxSize"
          step={1}
          min={1}
          validate={[required(), wholeNumber(1, 1000), notBelowMinSize]}
          helperText={withSessions ? <SeatsHelp /> : undefined}
        />
        <RigaDateTimeInput source="registrationDeadline" helperText="mps.help.localTime" />
        <NumberInput source="priceOverrideEuro" step={0.01} min={0} validate={euro()} helperText="mps.help.priceOverride" />
        <ReferenceInput source="euProjectId" reference="euProjects" perPage={100}>
          <SelectInput optionText="code" emptyText="mps.euProjects.none" />
        </ReferenceInput>
      </FormColumn>
    </TabbedForm.Tab>
    {withSessions ? (
      <TabbedForm.Tab label="mps.tabs.sessions" path="sessions">
        <GroupSessions />
      </TabbedForm.Tab>
    ) : null}
    {withSessions ? (
      <TabbedForm.Tab label="mps.tabs.registrations" path="registrations">
        <GroupRegistrations />
      </TabbedForm.Tab>
    ) : null}
  </TabbedForm>
);

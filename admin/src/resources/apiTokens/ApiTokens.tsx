import BlockIcon from '@mui/icons-material/Block';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Button as MuiButton, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import {
  AutocompleteInput,
  Button,
  CheckboxGroupInput,
  Confirm,
  Create,
  DataTable,
  FormDataConsumer,
  List,
  ReferenceInput,
  SearchInput,
  SelectInput,
  SimpleForm,
  TextInput,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRedirect,
  useRefresh,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { API_SCOPE_CHOICES, API_TOKEN_STATE_CHOICES } from '../../components/choices';
import { DateTimeField } from '../../components/fields';
import { SaveOnlyToolbar } from '../../components/toolbars';
import type { ConsoleDataProvider } from '../../data/dataProvider';
import { atLeastOne, inFuture, maxLength, required } from '../../validation';
import { INSTITUTION_SCOPES } from './documents';
import { RigaDateTimeInput } from '../../components/RigaDateTimeInput';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="state" source="state" choices={API_TOKEN_STATE_CHOICES} alwaysOn sx={{ minWidth: 220 }} />,
];

const ScopesField = ({ record }: { record: { scopes?: string[] } }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
      {(record.scopes ?? []).map((scope) => (
        <Chip key={scope} size="small" label={translate(`mps.enums.ApiScopeShort.${scope}`)} title={translate(`mps.enums.ApiScope.${scope}`)} />
      ))}
    </Stack>
  );
};

/** Who created the token, under the date: one column less in a wide table. */
const CreatedByLine = () => {
  const record = useRecordContext();
  return record?.createdBy ? (
    <Typography variant="caption" component="div" color="text.secondary">
      {record.createdBy.fullName}
    </Typography>
  ) : null;
};

/** Revoking asks first: the systems that use the token lose access at once, for good. */
const RevokeButton = () => {
  const record = useRecordContext();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  if (!record || record.revokedAt) return null;

  const revoke = async () => {
    setPending(true);
    try {
      await dataProvider.runAction('apiTokens', { action: 'revoke', id: record.id });
      notify('mps.apiTokens.revoked', { type: 'info' });
      refresh();
    } catch (error) {
      // The dataProvider's errors are already translated.
      notify(error instanceof Error ? error.message : 'mps.errors.INTERNAL_SERVER_ERROR', { type: 'error' });
    } finally {
      setPending(false);
      setOpen(false);
    }
  };

  return (
    <>
      <Button label="mps.apiTokens.revoke" color="error" onClick={() => setOpen(true)}>
        <BlockIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={pending}
        title="mps.apiTokens.revokeTitle"
        titleTranslateOptions={{ name: record.name }}
        content="mps.apiTokens.revokeContent"
        confirm="mps.apiTokens.revoke"
        confirmColor="warning"
        onConfirm={() => void revoke()}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

/** Newest first, as the API lists them; tokens cannot be edited, only revoked. */
export const ApiTokenList = () => (
  <List filters={filters} perPage={25} exporter={false}>
    <DataTable rowClick={false} bulkActionButtons={false}>
      <DataTable.Col source="name" disableSort />
      <DataTable.Col source="tokenPrefix" disableSort render={(token) => <code>{`${token.tokenPrefix}…`}</code>} />
      <DataTable.Col source="scopes" disableSort render={(token) => <ScopesField record={token} />} />
      <DataTable.Col source="institution" disableSort render={(token) => token.institution?.name ?? ''} />
      <DataTable.Col source="createdAt" disableSort cellSx={() => ({ whiteSpace: 'nowrap' })}>
        <DateTimeField source="createdAt" />
        <CreatedByLine />
      </DataTable.Col>
      <DataTable.Col source="lastUsedAt" disableSort cellSx={() => ({ whiteSpace: 'nowrap' })}>
        <DateTimeField source="lastUsedAt" emptyText="mps.apiTokens.neverUsed" />
      </DataTable.Col>
      <DataTable.Col source="expiresAt" disableSort cellSx={() => ({ whiteSpace: 'nowrap' })}>
        <DateTimeField source="expiresAt" emptyText="mps.apiTokens.noExpiry" />
      </DataTable.Col>
      <DataTable.Col source="revokedAt" disableSort cellSx={() => ({ whiteSpace: 'nowrap' })}>
        <DateTimeField source="revokedAt" />
      </DataTable.Col>
      <DataTable.Col label=" " disableSort>
        <RevokeButton />
      </DataTable.Col>
    </DataTable>
  </List>
);

interface CreatedToken {
  name: string;
  token: string;
}

/**
 * The one moment the token is visible: only its hash is stored. The dialog closes only through its
 * button (not a stray click beside it), so nobody loses the token by accident.
 */
const CreatedTokenDialog = ({ created, onClose }: { created: CreatedToken | null; onClose: () => void }) => {
  const translate = useTranslate();
  const field = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  if (!created) return null;

  const copyToken = async () => {
    try {
      await navigator.clipboard.writeText(created.token);
      setCopy('copied');
    } catch {
      // Without clipboard access (a browser that refuses it), a selected field still lets the user copy by hand.
      field.current?.select();
      setCopy('failed');
    }
  };

  return (
    <Dialog open aria-labelledby="api-token-created-title" maxWidth="md" fullWidth>
      <DialogTitle id="api-token-created-title">{translate('mps.apiTokens.createdTitle', { name: created.name })}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('mps.apiTokens.shownOnce')}
        </Alert>
        <TextField
          label={translate('resources.apiTokens.fields.token')}
          value={created.token}
          inputRef={field}
          fullWidth
          onFocus={(event) => event.target.select()}
          slotProps={{ input: { readOnly: true, sx: { fontFamily: 'monospace' } }, htmlInput: { 'data-testid': 'api-token-secret' } }}
        />
        {copy !== 'idle' ? (
          <Typography role="status" variant="body2" sx={{ mt: 1 }} color={copy === 'copied' ? 'success.main' : 'warning.main'}>
            {translate(copy === 'copied' ? 'mps.apiTokens.copied' : 'mps.apiTokens.copyFailed')}
          </Typography>
        ) : null}
      </DialogContent>
      <DialogActions>
        <MuiButton startIcon={<ContentCopyIcon />} onClick={() => void copyToken()}>
          {translate('mps.apiTokens.copy')}
        </MuiButton>
        <MuiButton variant="contained" onClick={onClose}>
          {translate('mps.apiTokens.close')}
        </MuiButton>
      </DialogActions>
    </Dialog>
  );
};

const needsInstitution = (scopes: unknown) => Array.isArray(scopes) && scopes.some((scope) => INSTITUTION_SCOPES.includes(scope));

export const ApiTokenCreate = () => {
  const redirect = useRedirect();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  return (
    <>
      <Create mutationOptions={{ onSuccess: (token: RaRecord) => setCreated({ name: token.name, token: token.token }) }}>
        <SimpleForm sx={{ maxWidth: 720 }} toolbar={<SaveOnlyToolbar />} defaultValues={{ scopes: [] }}>
          <TextInput source="name" validate={[required(), maxLength(100)]} />
          <CheckboxGroupInput source="scopes" choices={API_SCOPE_CHOICES} row={false} validate={atLeastOne('mps.fieldValidation.scopes.REQUIRED')} />
          <FormDataConsumer>
            {({ formData }) =>
              needsInstitution(formData.scopes) ? (
                <ReferenceInput source="institutionId" reference="institutions">
                  <AutocompleteInput validate={required()} helperText="mps.help.apiTokenInstitution" sx={{ minWidth: 420 }} />
                </ReferenceInput>
              ) : null
            }
          </FormDataConsumer>
          <RigaDateTimeInput source="expiresAt" validate={inFuture()} helperText="mps.help.apiTokenExpiry" />
        </SimpleForm>
      </Create>
      <CreatedTokenDialog
        created={created}
        onClose={() => {
          setCreated(null);
          redirect('list', 'apiTokens');
        }}
      />
    </>
  );
};

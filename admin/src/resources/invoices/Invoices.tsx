import BlockIcon from '@mui/icons-material/Block';
import DownloadIcon from '@mui/icons-material/Download';
import PaidIcon from '@mui/icons-material/Paid';
import PostAddIcon from '@mui/icons-material/PostAdd';
import ReceiptIcon from '@mui/icons-material/Receipt';
import { Stack } from '@mui/material';
import {
  Button,
  DataTable,
  List,
  SelectInput,
  TextInput,
  TopToolbar,
  useDataProvider,
  useListContext,
  useNotify,
  usePermissions,
  useRecordContext,
  useRefresh,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { isStaff } from '../../auth/access';
import { ConfirmedAction } from '../../components/ConfirmedAction';
import { INVOICE_STATUS_CHOICES } from '../../components/choices';
import { StatusChip } from '../../components/StatusChip';
import type { ConsoleDataProvider } from '../../data/dataProvider';

const STATUS_TONE = { DRAFT: 'default', ISSUED: 'warning', SENT: 'warning', PAID: 'success', CANCELLED: 'default' } as const;

const Status = () => {
  const invoice = useRecordContext();
  const translate = useTranslate();
  if (!invoice) return null;
  const status = String(invoice.status) as keyof typeof STATUS_TONE;
  return <StatusChip tone={STATUS_TONE[status] ?? 'default'} label={translate(`mps.enums.InvoiceStatus.${status}`)} />;
};

/** Saves a file the API sent base64-encoded. */
function save(file: { filename: string; contentType: string; base64: string }) {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.click();
  URL.revokeObjectURL(url);
}

const Download = ({ format }: { format: 'PDF' | 'UBL' }) => {
  const invoice = useRecordContext();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  if (!invoice || (format === 'UBL' && !invoice.number)) return null;
  const download = async () => {
    try {
      const { data } = await dataProvider.runQuery('invoices', { query: 'file', variables: { id: invoice.id, format } });
      save(data as { filename: string; contentType: string; base64: string });
    } catch (error) {
      notify(error instanceof Error ? error.message : 'mps.errors.INTERNAL_SERVER_ERROR', { type: 'error' });
    }
  };
  return (
    <Button
      label={format === 'PDF' ? 'mps.invoices.pdf' : 'mps.invoices.xml'}
      onClick={(event) => (event.stopPropagation(), void download())}
      startIcon={<DownloadIcon />}
    />
  );
};

/** Staff: issue a draft, mark an issued invoice paid, cancel (a draft is dropped, an issued one gets a credit note). */
const RowActions = () => {
  const invoice = useRecordContext();
  const { permissions } = usePermissions();
  if (!invoice) return null;
  const staff = isStaff(permissions);
  const id = String(invoice.id);
  const open = invoice.type === 'INVOICE' && invoice.status !== 'CANCELLED';
  return (
    <Stack direction="row" spacing={0.5}>
      <Download format="PDF" />
      <Download format="UBL" />
      {staff && invoice.status === 'DRAFT' ? (
        <ConfirmedAction
          resource="invoices"
          action="issue"
          id={id}
          label="mps.invoices.issue"
          icon={<ReceiptIcon />}
          title="mps.invoices.issueTitle"
          content="mps.invoices.issueContent"
          done="mps.invoices.issued"
        />
      ) : null}
      {staff && open && (invoice.status === 'ISSUED' || invoice.status === 'SENT') ? (
        <ConfirmedAction
          resource="invoices"
          action="markPaid"
          id={id}
          label="mps.invoices.markPaid"
          icon={<PaidIcon />}
          title="mps.invoices.markPaidTitle"
          content="mps.invoices.markPaidContent"
          messageArgs={{ number: invoice.number }}
          done="mps.invoices.paid"
        />
      ) : null}
      {staff && open ? (
        <ConfirmedAction
          resource="invoices"
          action="cancel"
          id={id}
          label="mps.invoices.cancel"
          icon={<BlockIcon />}
          title="mps.invoices.cancelTitle"
          content={invoice.status === 'DRAFT' ? 'mps.invoices.cancelDraftContent' : 'mps.invoices.cancelContent'}
          done="mps.invoices.cancelled"
          color="error"
          cancelLabel="mps.invoices.keep"
          textInput={{ variable: 'reason', label: 'mps.invoices.reason', maxLength: 500, required: true }}
        />
      ) : null}
    </Stack>
  );
};

/** Staff: drafts for the group chosen in the filter. */
const CreateForGroup = () => {
  const { filterValues } = useListContext();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const groupId = typeof filterValues.groupId === 'string' ? filterValues.groupId.trim() : '';
  const create = async () => {
    try {
      const { data } = await dataProvider.runMutation('invoices', { mutation: 'createGroupInvoices', variables: { groupId } });
      notify('mps.invoices.drafted', { type: 'info', messageArgs: { smart_count: (data as unknown[]).length } });
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'mps.errors.INTERNAL_SERVER_ERROR', { type: 'error' });
    }
  };
  return <Button label="mps.invoices.createForGroup" onClick={() => void create()} disabled={!groupId} startIcon={<PostAddIcon />} />;
};

const ListActions = () => {
  const { permissions } = usePermissions();
  return <TopToolbar>{isStaff(permissions) ? <CreateForGroup /> : null}</TopToolbar>;
};

const money = (cents: unknown) => (Number(cents) / 100).toFixed(2);

/** Rēķini: newest first; coordinators see their institutions' issued invoices only. */
export const InvoiceList = () => (
  <List
    filters={[
      <SelectInput key="status" source="status" choices={INVOICE_STATUS_CHOICES} alwaysOn />,
      <TextInput key="payer" source="payer" alwaysOn />,
      <TextInput key="groupId" source="groupId" alwaysOn />,
    ]}
    actions={<ListActions />}
    perPage={25}
    exporter={false}
  >
    <DataTable rowClick={false} bulkActionButtons={false}>
      <DataTable.Col source="number" disableSort render={(r: RaRecord) => r.number ?? '—'} />
      <DataTable.Col source="type" disableSort render={(r: RaRecord) => <TypeLabel type={String(r.type)} />} />
      <DataTable.Col source="payerName" disableSort />
      <DataTable.Col source="groupCode" disableSort />
      <DataTable.Col source="issueDate" disableSort render={(r: RaRecord) => r.issueDate ?? '—'} />
      <DataTable.NumberCol source="totalCents" disableSort render={(r: RaRecord) => money(r.totalCents)} />
      <DataTable.Col source="status" disableSort>
        <Status />
      </DataTable.Col>
      <DataTable.Col source="id" label="mps.invoices.actions" disableSort>
        <RowActions />
      </DataTable.Col>
    </DataTable>
  </List>
);

const TypeLabel = ({ type }: { type: string }) => {
  const translate = useTranslate();
  return <>{translate(`mps.enums.InvoiceType.${type}`)}</>;
};

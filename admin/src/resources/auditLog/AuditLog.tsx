import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import {
  AutocompleteInput,
  DataTable,
  DateTimeInput,
  List,
  ReferenceInput,
  SelectField,
  SelectInput,
  TextInput,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { AUDIT_ACTION_CHOICES, AUDIT_ENTITY_CHOICES } from '../../components/choices';
import { useRigaTime } from '../../components/fields';

interface Change {
  field: string;
  old: string | null;
  new: string | null;
}

const filters = [
  <SelectInput key="entity" source="entity" choices={AUDIT_ENTITY_CHOICES} alwaysOn sx={{ minWidth: 200 }} />,
  <SelectInput key="action" source="action" choices={AUDIT_ACTION_CHOICES} alwaysOn sx={{ minWidth: 160 }} />,
  <ReferenceInput key="personId" source="personId" reference="people" alwaysOn>
    <AutocompleteInput sx={{ minWidth: 260 }} />
  </ReferenceInput>,
  <ReferenceInput key="actorPersonId" source="actorPersonId" reference="people">
    <AutocompleteInput sx={{ minWidth: 260 }} />
  </ReferenceInput>,
  <TextInput key="entityId" source="entityId" />,
  <DateTimeInput key="from" source="from" />,
  <DateTimeInput key="to" source="to" />,
];

/** The fields a row changed, before and after ("***": a secret, never copied into the log). */
const Changes = () => {
  const translate = useTranslate();
  const record = useRecordContext();
  const changes = (record?.changes ?? []) as Change[];
  if (changes.length === 0) return <Typography sx={{ p: 1 }}>{translate('mps.audit.noChanges')}</Typography>;
  return (
    <Table size="small" aria-label={translate('mps.audit.changes')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('mps.audit.field')}</TableCell>
          <TableCell>{translate('mps.audit.old')}</TableCell>
          <TableCell>{translate('mps.audit.new')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {changes.map((change) => (
          <TableRow key={change.field}>
            <TableCell>{change.field}</TableCell>
            <TableCell sx={{ wordBreak: 'break-word' }}>{change.old ?? '—'}</TableCell>
            <TableCell sx={{ wordBreak: 'break-word' }}>{change.new ?? '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** Who acted: a person, an API token or the system itself, and from which address. */
const actor = (record: RaRecord, translate: (key: string) => string) => {
  const who = record.actorName ?? (record.actorTokenId ? translate('mps.audit.token') : translate('mps.audit.system'));
  return record.actorIp ? `${who} (${record.actorIp})` : who;
};

/** Staff search the audit log (R-NF-3): newest first; a row opens to its changes. Nobody can edit it. */
export const AuditLogList = () => {
  const time = useRigaTime();
  const translate = useTranslate();
  return (
    <List filters={filters} perPage={25} sort={{ field: 'id', order: 'DESC' }} exporter={false}>
      <DataTable bulkActionButtons={false} expand={<Changes />} rowClick="expand">
        <DataTable.Col source="at" disableSort render={(r: RaRecord) => time(r.at)} />
        <DataTable.Col source="actorName" disableSort render={(r: RaRecord) => actor(r, translate)} />
        <DataTable.Col source="action" disableSort>
          <SelectField source="action" choices={AUDIT_ACTION_CHOICES} />
        </DataTable.Col>
        <DataTable.Col source="entity" disableSort>
          <SelectField source="entity" choices={AUDIT_ENTITY_CHOICES} />
        </DataTable.Col>
        <DataTable.Col source="personName" disableSort />
        <DataTable.Col source="entityId" disableSort />
      </DataTable>
    </List>
  );
};

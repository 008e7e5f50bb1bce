import BlockIcon from '@mui/icons-material/Block';
import DownloadIcon from '@mui/icons-material/Download';
import { Stack } from '@mui/material';
import { Button, DataTable, List, NullableBooleanInput, SearchInput, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import { ConfirmedAction } from '../../components/ConfirmedAction';
import { useRigaTime } from '../../components/fields';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <NullableBooleanInput key="revoked" source="revoked" alwaysOn sx={{ minWidth: 200 }} />];

const Actions = () => {
  const certificate = useRecordContext();
  if (!certificate) return null;
  return (
    <Stack direction="row" spacing={1}>
      {certificate.pdfUrl && (
        <Button component="a" href={certificate.pdfUrl} label="mps.certificates.pdf" startIcon={<DownloadIcon />} onClick={(e) => e.stopPropagation()} />
      )}
      {!certificate.revokedAt && (
        <ConfirmedAction
          resource="certificates"
          action="revoke"
          id={String(certificate.id)}
          label="mps.certificates.revoke"
          icon={<BlockIcon />}
          title="mps.certificates.revokeTitle"
          content="mps.certificates.revokeContent"
          messageArgs={{ number: certificate.number, name: certificate.name }}
          done="mps.certificates.revoked"
          color="error"
          textInput={{ variable: 'reason', label: 'mps.certificates.reason', maxLength: 1000, required: true }}
        />
      )}
    </Stack>
  );
};

/** Staff: the certificates issued, newest first; a revoked one says when and why. */
export const CertificateList = () => {
  const time = useRigaTime();
  const translate = useTranslate();
  return (
    <List filters={filters} perPage={25} exporter={false}>
      <DataTable bulkActionButtons={false}>
        <DataTable.Col source="number" disableSort />
        <DataTable.Col source="name" disableSort />
        <DataTable.Col source="courseTitle" disableSort />
        <DataTable.NumberCol source="hours" disableSort />
        <DataTable.Col source="issuedAt" disableSort render={(r: RaRecord) => time(r.issuedAt)} />
        <DataTable.Col
          source="revokedAt"
          disableSort
          render={(r: RaRecord) => (r.revokedAt ? translate('mps.certificates.revokedOn', { date: time(r.revokedAt), reason: r.revokeReason ?? '' }) : '—')}
        />
        <DataTable.Col label="mps.certificates.actions" disableSort>
          <Actions />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

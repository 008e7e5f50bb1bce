import { Chip, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { OutboxStatus } from './documents';

export const STATUS_COLOR: Record<OutboxStatus, 'default' | 'info' | 'success' | 'error'> = {
  PENDING: 'default',
  SENDING: 'info',
  SENT: 'success',
  FAILED: 'error',
};

/** A message's status as a coloured chip. */
export const OutboxStatusChip = ({ status }: { status?: OutboxStatus }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const value = status ?? (record?.status as OutboxStatus | undefined);
  if (!value) return null;
  return <Chip size="small" color={STATUS_COLOR[value]} label={translate(`mps.enums.OutboxStatus.${value}`)} />;
};

/** Name, and the address under it (or that there is none: such a message cannot be sent). */
export const RecipientField = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <>
      <Typography variant="body2" component="div">
        {record.toName}
      </Typography>
      <Typography variant="caption" component="div" color={record.toAddress ? 'text.secondary' : 'error'}>
        {record.toAddress ?? translate('mps.outbox.noAddress')}
      </Typography>
    </>
  );
};

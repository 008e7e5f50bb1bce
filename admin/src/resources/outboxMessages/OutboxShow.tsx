import SendIcon from '@mui/icons-material/Send';
import { Alert, Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { ListButton, ReferenceField, Show, TopToolbar, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import { ConfirmedAction } from '../../components/ConfirmedAction';
import { DateTimeField } from '../../components/fields';
import { useConsoleQuery } from '../../data/useConsoleQuery';
import { EmailContent } from './EmailContent';
import { BUSY_REFRESH_MS } from './OutboxList';
import { IN_FLIGHT, type EmailAttachment, type MailSettings, type OutboxStatus } from './documents';
import { OutboxStatusChip } from './fields';

/** A failed message can be sent again; the API refuses while its recipient still has no address. */
const RetryAction = () => {
  const message = useRecordContext();
  if (message?.status !== 'FAILED') return null;
  return (
    <ConfirmedAction
      resource="outboxMessages"
      action="retry"
      id={String(message.id)}
      label="mps.outbox.retry"
      icon={<SendIcon />}
      title="mps.outbox.retryTitle"
      content="mps.outbox.retryContent"
      messageArgs={{ name: message.toName }}
      done="mps.outbox.retried"
    />
  );
};

const Actions = () => (
  <TopToolbar>
    <RetryAction />
    <ListButton />
  </TopToolbar>
);

/** One line of the message's headers. */
const Header = ({ label, children }: { label: string; children: ReactNode }) => (
  <>
    <Box component="dt" sx={{ color: 'text.secondary' }}>
      {label}
    </Box>
    <Box component="dd" sx={{ m: 0, overflowWrap: 'anywhere' }}>
      {children}
    </Box>
  </>
);

const OutboxMessageView = () => {
  const message = useRecordContext();
  const translate = useTranslate();
  const { data: settings } = useConsoleQuery<MailSettings>('outboxMessages', 'mailSettings');
  if (!message) return null;
  const label = (field: string) => translate(`resources.outboxMessages.fields.${field}`);
  const failed = message.status === 'FAILED';

  return (
    <Box sx={{ p: 2 }}>
      {failed && message.lastError ? (
        <Alert severity="error" sx={{ mb: 2 }}>
          {translate('mps.outbox.failedBecause', { error: message.lastError })}
        </Alert>
      ) : null}
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 3, rowGap: 1, m: 0, mb: 3 }}>
        <Header label={label('from')}>{settings?.from ?? '…'}</Header>
        <Header label={label('to')}>
          {message.toName}{' '}
          {message.toAddress ? (
            `<${message.toAddress}>`
          ) : (
            <Typography component="span" color="error">
              ({translate('mps.outbox.noAddress')})
            </Typography>
          )}
        </Header>
        <Header label={label('subject')}>{message.subject}</Header>
        <Header label={label('status')}>
          <OutboxStatusChip />
        </Header>
        <Header label={label('kind')}>{translate(`mps.enums.NotificationKind.${message.kind}`)}</Header>
        <Header label={label('language')}>{translate(`mps.enums.Language.${message.language}`)}</Header>
        <Header label={label('createdAt')}>
          <DateTimeField source="createdAt" />
        </Header>
        {message.sentAt ? (
          <Header label={label('sentAt')}>
            <DateTimeField source="sentAt" />
          </Header>
        ) : null}
        {message.status === 'PENDING' && message.nextAttemptAt ? (
          <Header label={label('nextAttemptAt')}>
            <DateTimeField source="nextAttemptAt" />
          </Header>
        ) : null}
        <Header label={label('attempts')}>{message.attempts}</Header>
        {message.channel ? <Header label={label('channel')}>{translate(`mps.enums.DeliveryChannel.${message.channel}`)}</Header> : null}
        {!failed && message.lastError ? <Header label={label('lastError')}>{message.lastError}</Header> : null}
        {message.groupId ? (
          <Header label={label('groupId')}>
            <ReferenceField source="groupId" reference="groups" link="edit" />
          </Header>
        ) : null}
        <Header label={label('messageId')}>
          <code>{message.messageId}</code>
        </Header>
      </Box>
      <EmailContent subject={message.subject} html={message.html} text={message.text} attachments={message.attachments as EmailAttachment[]} />
    </Box>
  );
};

const onItsWay = (message: RaRecord | undefined) => IN_FLIGHT.includes(message?.status as OutboxStatus);

/** A message with its headers, both parts and its files; it reads itself again while on its way. */
export const OutboxShow = () => (
  <Show actions={<Actions />} queryOptions={{ refetchInterval: (query) => (onItsWay(query.state.data) ? BUSY_REFRESH_MS : false) }}>
    <OutboxMessageView />
  </Show>
);

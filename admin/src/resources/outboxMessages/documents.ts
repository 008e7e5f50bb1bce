import { crudOperations } from '../../data/crud';
import { graphql } from '../../gql';
import type {
  AdminMailSettingsQuery,
  AdminNotificationPreviewQuery,
  AdminOutboxStatusCountsQuery,
  OutboxMessageFullFragment,
  OutboxStatus,
} from '../../gql/graphql';
import { passFilters, type ResourceApi } from '../../data/resourceApi';

/** What the list shows: no bodies or attachments, which only the message's own page needs. */
const OUTBOX_MESSAGE_ROW = graphql(`
  fragment OutboxMessageRow on OutboxMessage {
    id
    status
    kind
    language
    toName
    toAddress
    subject
    attempts
    lastError
    channel
    createdAt
    sentAt
    nextAttemptAt
    groupId
    personId
  }
`);

const OUTBOX_MESSAGE = graphql(`
  fragment OutboxMessageFull on OutboxMessage {
    ...OutboxMessageRow
    messageId
    html
    text
    attachments {
      filename
      contentType
      content
    }
  }
`);

export type { OutboxStatus };

export type OutboxStatusCount = AdminOutboxStatusCountsQuery['outboxStatusCounts'][number];

/** `mailbox`: true without SMTP_URL: nothing leaves, the messages stay in the console's mailbox. */
export type MailSettings = AdminMailSettingsQuery['mailSettings'];

export type EmailAttachment = OutboxMessageFullFragment['attachments'][number];

export type EmailPreview = AdminNotificationPreviewQuery['notificationPreview'];

/** Statuses in which a message is still on its way: lists showing them refresh themselves. */
export const IN_FLIGHT: readonly OutboxStatus[] = ['PENDING', 'SENDING'];

/** Staff only. The e-mails the system queued; read, and retried when they failed, never edited. */
export const outboxMessagesApi: ResourceApi = {
  ...crudOperations({
    row: OUTBOX_MESSAGE_ROW,
    detail: OUTBOX_MESSAGE,
    list: { field: 'outboxMessages', filter: 'OutboxFilter' },
    one: 'outboxMessage',
  }),
  // The console filters by one status and one kind; the API takes lists of them.
  filter: (values) => ({
    ...passFilters(values, ['q', 'groupId', 'personId']),
    ...(values.status ? { statuses: [values.status] } : {}),
    ...(values.kind ? { kinds: [values.kind] } : {}),
  }),
  actions: {
    retry: {
      field: 'retryOutboxMessage',
      document: graphql(`
        mutation AdminRetryOutboxMessage($id: ID!) {
          retryOutboxMessage(id: $id) {
            ...OutboxMessageFull
          }
        }
      `),
    },
  },
  queries: {
    statusCounts: {
      field: 'outboxStatusCounts',
      document: graphql(`
        query AdminOutboxStatusCounts {
          outboxStatusCounts {
            status
            count
          }
        }
      `),
    },
    mailSettings: {
      field: 'mailSettings',
      document: graphql(`
        query AdminMailSettings {
          mailSettings {
            mailbox
            from
          }
        }
      `),
    },
    preview: {
      field: 'notificationPreview',
      document: graphql(`
        query AdminNotificationPreview($kind: NotificationKind!, $language: Language!) {
          notificationPreview(kind: $kind, language: $language) {
            subject
            html
            text
          }
        }
      `),
    },
  },
  // Messages are never created or edited from the console.
  toInput: () => ({}),
};

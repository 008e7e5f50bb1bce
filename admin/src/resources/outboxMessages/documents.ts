import { gql } from '@apollo/client';
import { passFilters, type ResourceApi } from '../../data/resourceApi';

/** What the list shows: no bodies or attachments, which only the message's own page needs. */
const OUTBOX_MESSAGE_ROW = gql`
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
`;

const OUTBOX_MESSAGE = gql`
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
  ${OUTBOX_MESSAGE_ROW}
`;

export type OutboxStatus = 'PENDING' | 'SENDING' | 'SENT' | 'FAILED';

export interface OutboxStatusCount {
  status: OutboxStatus;
  count: number;
}

export interface MailSettings {
  /** True without SMTP_URL: nothing leaves, the messages stay in the console's mailbox. */
  mailbox: boolean;
  from: string;
}

export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface EmailPreview {
  subject: string;
  html: string;
  text: string;
}

/** Statuses in which a message is still on its way: lists showing them refresh themselves. */
export const IN_FLIGHT: readonly OutboxStatus[] = ['PENDING', 'SENDING'];

/** Staff only. The e-mails the system queued; read, and retried when they failed, never edited. */
export const outboxMessagesApi: ResourceApi = {
  list: {
    field: 'outboxMessages',
    document: gql`
      query AdminOutboxMessages($filter: OutboxFilter, $page: Int!, $perPage: Int!) {
        outboxMessages(filter: $filter, page: $page, perPage: $perPage) {
          total
          items {
            ...OutboxMessageRow
          }
        }
      }
      ${OUTBOX_MESSAGE_ROW}
    `,
  },
  // The console filters by one status and one kind; the API takes lists of them.
  filter: (values) => ({
    ...passFilters(values, ['q', 'groupId', 'personId']),
    ...(values.status ? { statuses: [values.status] } : {}),
    ...(values.kind ? { kinds: [values.kind] } : {}),
  }),
  one: {
    field: 'outboxMessage',
    document: gql`
      query AdminOutboxMessage($id: ID!) {
        outboxMessage(id: $id) {
          ...OutboxMessageFull
        }
      }
      ${OUTBOX_MESSAGE}
    `,
  },
  actions: {
    retry: {
      field: 'retryOutboxMessage',
      document: gql`
        mutation AdminRetryOutboxMessage($id: ID!) {
          retryOutboxMessage(id: $id) {
            ...OutboxMessageFull
          }
        }
        ${OUTBOX_MESSAGE}
      `,
    },
  },
  queries: {
    statusCounts: {
      field: 'outboxStatusCounts',
      document: gql`
        query AdminOutboxStatusCounts {
          outboxStatusCounts {
            status
            count
          }
        }
      `,
    },
    mailSettings: {
      field: 'mailSettings',
      document: gql`
        query AdminMailSettings {
          mailSettings {
            mailbox
            from
          }
        }
      `,
    },
    preview: {
      field: 'notificationPreview',
      document: gql`
        query AdminNotificationPreview($kind: NotificationKind!, $language: Language!) {
          notificationPreview(kind: $kind, language: $language) {
            subject
            html
            text
          }
        }
      `,
    },
  },
  // Messages are never created or edited from the console.
  toInput: () => ({}),
};

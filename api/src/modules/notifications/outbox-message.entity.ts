import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Language } from '../people/person.entity.js';
import { NotificationKind } from './notification-kinds.js';

export enum OutboxStatus {
  /** Waiting for its first or next attempt (`nextAttemptAt`). */
  PENDING = 'PENDING',
  /** Claimed by a worker until `lockedUntil`; a crashed worker's claim simply runs out. */
  SENDING = 'SENDING',
  SENT = 'SENT',
  /** Given up: `lastError` says why. Staff may retry it. */
  FAILED = 'FAILED',
}
registerEnumType(OutboxStatus, { name: 'OutboxStatus' });
registerEnumType(NotificationKind, { name: 'NotificationKind', description: 'The kinds of e-mail the system sends; one template folder each.' });

export enum DeliveryChannel {
  SMTP = 'SMTP',
  /** No SMTP_URL: kept in the development mailbox, readable in the console. */
  MAILBOX = 'MAILBOX',
}
registerEnumType(DeliveryChannel, { name: 'DeliveryChannel' });

/** A file sent with the e-mail (a calendar entry, an invoice); content is UTF-8 text, or base64 for binary files. */
export interface OutboxAttachment {
  filename: string;
  contentType: string;
  content: string;
  /** 'base64': `content` holds the bytes base64-encoded (a PDF). */
  encoding?: 'base64';
  /** For text/calendar: the iTIP method, which mail programs read from the part's headers. */
  method?: string;
}

/**
 * One e-mail, written in the transaction of the change that caused it and rendered then, so what
 * the console shows is exactly what is (or was) sent. The idempotency key makes the same event
 * produce at most one message; the Message-ID is fixed at creation, so a retry after a crash that
 * came just after the SMTP server accepted the message is recognisably the same message.
 */
@ObjectType({ description: 'An e-mail the system sends or has sent (staff only).' })
@Entity('outbox_message')
@Index('outbox_message_due_idx', ['status', 'nextAttemptAt'])
export class OutboxMessage {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ name: 'idempotency_key', unique: true })
  idempotencyKey: string;

  @Field(() => NotificationKind)
  @Column({ type: 'text' })
  kind: NotificationKind;

  @Field(() => Language)
  @Column({ type: 'text' })
  language: Language;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'person_id', type: 'uuid', nullable: true })
  personId: string | null;

  @Field(() => String, { nullable: true, description: 'Null when the recipient has no e-mail address (then FAILED with that reason).' })
  @Column({ name: 'to_address', type: 'text', nullable: true })
  toAddress: string | null;

  @Field()
  @Column({ name: 'to_name' })
  toName: string;

  @Field()
  @Column()
  subject: string;

  @Field()
  @Column({ type: 'text' })
  html: string;

  @Field()
  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" })
  attachments: OutboxAttachment[];

  @Field()
  @Column({ name: 'message_id', unique: true })
  messageId: string;

  @Field(() => ID, { nullable: true, description: 'The group the message is about, when there is one.' })
  @Column({ name: 'group_id', type: 'uuid', nullable: true })
  groupId: string | null;

  @Field(() => OutboxStatus)
  @Column({ type: 'text', default: OutboxStatus.PENDING })
  status: OutboxStatus;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Field(() => DeliveryChannel, { nullable: true })
  @Column({ type: 'text', nullable: true })
  channel: DeliveryChannel | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

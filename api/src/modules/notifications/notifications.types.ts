import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Language } from '../people/person.entity.js';
import { NotificationKind } from './notification-kinds.js';
import { OutboxMessage, OutboxStatus } from './outbox-message.entity.js';

@InputType()
export class OutboxFilter {
  @Field({ nullable: true, description: 'Words in the recipient name, address or subject.' })
  q?: string;

  @Field(() => [OutboxStatus], { nullable: true })
  statuses?: OutboxStatus[];

  @Field(() => [NotificationKind], { nullable: true })
  kinds?: NotificationKind[];

  @Field(() => ID, { nullable: true })
  personId?: string;

  @Field(() => ID, { nullable: true })
  groupId?: string;
}

@ObjectType()
export class OutboxMessagePage {
  @Field(() => [OutboxMessage])
  items: OutboxMessage[];

  @Field(() => Int)
  total: number;
}

@ObjectType()
export class OutboxStatusCount {
  @Field(() => OutboxStatus)
  status: OutboxStatus;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'A file sent with an e-mail.' })
export class EmailAttachment {
  @Field()
  filename: string;

  @Field()
  contentType: string;

  @Field({ description: 'UTF-8 text, or base64 when `encoding` says so.' })
  content: string;

  @Field(() => String, { nullable: true, description: 'base64 for binary files (a PDF); null for text.' })
  encoding?: string | null;
}

@ObjectType({ description: 'An e-mail as rendered from its template.' })
export class EmailPreview {
  @Field(() => NotificationKind)
  kind: NotificationKind;

  @Field(() => Language)
  language: Language;

  @Field()
  subject: string;

  @Field()
  html: string;

  @Field()
  text: string;
}

@ObjectType({ description: 'How the mail leaves: SMTP, or the development mailbox.' })
export class MailSettings {
  @Field({ description: 'True without SMTP_URL: e-mails stay in the mailbox shown in the console.' })
  mailbox: boolean;

  @Field()
  from: string;
}

import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { PageArgs } from '../../common/pagination.js';
import { Language, UserRole } from '../people/person.entity.js';
import { NotificationKind } from './notification-kinds.js';
import { NotificationsService } from './notifications.service.js';
import { EmailAttachment, EmailPreview, MailSettings, OutboxFilter, OutboxMessagePage, OutboxStatusCount } from './notifications.types.js';
import { OutboxMessage, OutboxStatus } from './outbox-message.entity.js';

@Resolver()
export class NotificationsResolver {
  constructor(private readonly notifications: NotificationsService) {}

  @Authorized(UserRole.STAFF)
  @Query(() => OutboxMessagePage, { description: 'Every e-mail the system has queued, newest first (the mailbox in development).' })
  outboxMessages(@Ctx() ctx: Context, @Args() page: PageArgs, @Arg('filter', () => OutboxFilter, { nullable: true }) filter?: OutboxFilter) {
    return this.notifications.listMessages(ctx, filter, page);
  }

  @Authorized(UserRole.STAFF)
  @Query(() => OutboxMessage)
  outboxMessage(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.notifications.getMessage(ctx, id);
  }

  @Authorized(UserRole.STAFF)
  @Query(() => [OutboxStatusCount], { description: 'How many messages are in each status.' })
  async outboxStatusCounts() {
    const counts = await this.notifications.statusCounts();
    return Object.values(OutboxStatus).map((status) => ({ status, count: counts.get(status) ?? 0 }));
  }

  @Authorized(UserRole.STAFF)
  @Query(() => MailSettings)
  mailSettings() {
    return this.notifications.mailSettings();
  }

  @Authorized(UserRole.STAFF)
  @Query(() => EmailPreview, { description: 'A kind of e-mail rendered with its sample data.' })
  notificationPreview(@Arg('kind', () => NotificationKind) kind: NotificationKind, @Arg('language', () => Language) language: Language) {
    return { kind, language, ...this.notifications.preview(kind, language) };
  }

  @Authorized(UserRole.STAFF)
  @Mutation(() => OutboxMessage, { description: 'Sends a FAILED message again.' })
  retryOutboxMessage(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.notifications.retryMessage(ctx, id);
  }
}

@Resolver(() => OutboxMessage)
export class OutboxMessageEntityResolver {
  @FieldResolver(() => [EmailAttachment])
  attachments(@Root() message: OutboxMessage) {
    return message.attachments;
  }
}

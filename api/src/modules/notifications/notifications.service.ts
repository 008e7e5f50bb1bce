import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../../db/transaction.js';
import type { RequestContext } from '../../common/request-context.js';
import { DomainError, ErrorCode, NotFoundError, Problems, ValidationError } from '../../common/errors.js';
import { isUuid, pageWindow, type Page, type PageArgs } from '../../common/pagination.js';
import { Language } from '../people/person.entity.js';
import type { PeopleService } from '../people/people.service.js';
import { buildCalendar, type CalendarEvent } from './calendar.js';
import { NotificationKind, type NotificationData, type RenderedEmail } from './notification-kinds.js';
import { OutboxMessage, OutboxStatus, type OutboxAttachment } from './outbox-message.entity.js';
import type { TemplateRenderer } from './template-renderer.js';
import type { OutboxFilter } from './notifications.types.js';

/** Who an e-mail goes to. A null address still makes a record: FAILED, with the reason, for staff to see. */
export interface Recipient {
  personId: string | null;
  email: string | null;
  name: string;
  language: Language;
}

export interface EmailRequest<K extends NotificationKind = NotificationKind> {
  kind: K;
  /** The same key never produces a second message (the same event, the same recipient). */
  idempotencyKey: string;
  to: Recipient;
  data: NotificationData[K];
  /**
   * Calendar entries to attach: REQUEST adds or updates, CANCEL removes. One iCalendar object has one
   * method, so a save that moves one session and cancels another attaches two.
   */
  calendars?: { method: 'REQUEST' | 'CANCEL'; events: CalendarEvent[] }[];
  /** Files stored with the message and sent with it (an invoice's PDF and e-invoice). */
  files?: OutboxAttachment[];
  groupId?: string | null;
}

export const NO_ADDRESS = 'The recipient has no e-mail address';

export interface NotificationSettings {
  /** `Name <address>`: the From header, and the organizer of calendar entries. */
  mailFrom: string;
  /** False: SMTP_URL is set and mail really leaves. */
  mailbox: boolean;
}

/** `Name <address>` or a bare address, split. */
export function parseMailbox(value: string): { name: string; email: string } {
  const match = /^\s*(?:"?([^"<]*?)"?\s*)?<([^>]+)>\s*$/.exec(value);
  if (match) return { name: match[1]?.trim() ?? '', email: match[2].trim() };
  return { name: '', email: value.trim() };
}

/**
 * The outbox: other modules hand their e-mails to `enqueue` inside their own transaction, so an
 * e-mail exists exactly when the change that caused it was committed. Delivery is OutboxDelivery's.
 */
export class NotificationsService {
  private readonly listeners = new Set<() => void>();
  private readonly messageIdDomain: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly renderer: TemplateRenderer,
    private readonly settings: NotificationSettings,
    private readonly people: PeopleService,
  ) {
    this.messageIdDomain = parseMailbox(settings.mailFrom).email.split('@')[1] || 'mps.localhost';
  }

  /** Called after a transaction that queued messages has committed (the worker in this process delivers at once). */
  onQueued(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tell local listeners that messages are waiting; call after the enqueuing transaction committed. */
  queued(): void {
    for (const listener of this.listeners) listener();
  }

  /**
   * Renders and stores the messages in the caller's transaction. Returns how many are new: a request
   * whose idempotency key is already stored is skipped, whatever its content.
   */
  async enqueue(em: EntityManager, requests: readonly EmailRequest[]): Promise<number> {
    if (requests.length === 0) return 0;
    const rows = requests.map((request) => this.compose(request));
    const result = await em
      .createQueryBuilder()
      .insert()
      .into(OutboxMessage)
      .values(rows)
      .orIgnore() // ON CONFLICT DO NOTHING: the idempotency key (and nothing else) can collide
      .returning(['id'])
      .execute();
    return result.raw.length;
  }

  private compose(request: EmailRequest): Partial<OutboxMessage> {
    const rendered = this.renderer.render(request.kind, request.to.language, request.data as never);
    const address = request.to.email?.trim() || null;
    const organizer = parseMailbox(this.settings.mailFrom);
    const attachments: OutboxAttachment[] = (request.calendars ?? [])
      .filter((calendar) => calendar.events.length > 0)
      .map((calendar) => ({
        filename: calendar.method === 'CANCEL' ? 'cancel.ics' : 'invite.ics',
        contentType: `text/calendar; charset=utf-8; method=${calendar.method}`,
        method: calendar.method,
        content: buildCalendar({
          method: calendar.method,
          events: calendar.events,
          organizer: { name: organizer.name || organizer.email, email: organizer.email },
          attendee: address ? { name: request.to.name, email: address } : undefined,
        }),
      }));
    attachments.push(...(request.files ?? []));
    return {
      idempotencyKey: request.idempotencyKey,
      kind: request.kind,
      language: request.to.language,
      personId: request.to.personId,
      toAddress: address,
      toName: request.to.name,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      attachments,
      messageId: `<${randomUUID()}@${this.messageIdDomain}>`,
      groupId: request.groupId ?? null,
      status: address ? OutboxStatus.PENDING : OutboxStatus.FAILED,
      nextAttemptAt: address ? new Date() : null,
      lastError: address ? null : NO_ADDRESS,
    };
  }

  // Reading, for the console

  async listMessages(_ctx: RequestContext, filter: OutboxFilter = {}, pageArgs?: PageArgs): Promise<Page<OutboxMessage>> {
    const problems = new Problems();
    const window = pageWindow(pageArgs ?? { page: 1, perPage: 25 }, problems);
    for (const field of ['personId', 'groupId'] as const) {
      const value = filter[field];
      if (value != null && !isUuid(value)) problems.add(`filter.${field}`, 'INVALID_ID', `${field} is not a valid id`);
    }
    problems.throwIfAny();
    const qb = this.dataSource.getRepository(OutboxMessage).createQueryBuilder('m');
    if (filter.statuses?.length) qb.andWhere('m.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.kinds?.length) qb.andWhere('m.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter.personId) qb.andWhere('m.person_id = :personId', { personId: filter.personId });
    if (filter.groupId) qb.andWhere('m.group_id = :groupId', { groupId: filter.groupId });
    const q = filter.q?.trim().toLowerCase();
    if (q) {
      qb.andWhere('(lower(m.to_address) LIKE :q OR lower(m.to_name) LIKE :q OR lower(m.subject) LIKE :q)', { q: `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    }
    const [items, total] = await qb.orderBy('m.created_at', 'DESC').addOrderBy('m.id').offset(window.offset).limit(window.limit).getManyAndCount();
    return { items, total };
  }

  async getMessage(_ctx: RequestContext, id: string): Promise<OutboxMessage> {
    const message = isUuid(id) ? await this.dataSource.getRepository(OutboxMessage).findOneBy({ id }) : null;
    if (!message) throw new NotFoundError('OutboxMessage', id);
    return message;
  }

  /** Counts per status: the console's overview. */
  async statusCounts(): Promise<Map<OutboxStatus, number>> {
    const rows: { status: OutboxStatus; n: number }[] = await this.dataSource.query(`SELECT status, count(*)::int AS n FROM outbox_message GROUP BY status`);
    return new Map(rows.map((row) => [row.status, row.n]));
  }

  /**
   * Sends a FAILED message again from scratch (attempts count anew). A message that failed for want
   * of an address takes the person's current one; without one it stays failed.
   */
  async retryMessage(_ctx: RequestContext, id: string): Promise<OutboxMessage> {
    const message = await inTransaction(this.dataSource, async (em) => {
      const found = isUuid(id) ? await em.findOne(OutboxMessage, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!found) throw new NotFoundError('OutboxMessage', id);
      if (found.status !== OutboxStatus.FAILED) {
        throw new ValidationError([{ field: 'id', code: 'NOT_FAILED', message: 'Only a failed message can be retried' }]);
      }
      if (!found.toAddress) {
        found.toAddress = found.personId ? ((await this.people.contactsByIds([found.personId], em)).get(found.personId)?.email ?? null) : null;
        if (!found.toAddress) throw new DomainError(ErrorCode.PROFILE_INCOMPLETE, 'The recipient still has no e-mail address', { missing: ['email'] });
      }
      Object.assign(found, { status: OutboxStatus.PENDING, attempts: 0, nextAttemptAt: new Date(), lockedUntil: null });
      return em.save(found);
    });
    this.queued();
    return message;
  }

  mailSettings(): { mailbox: boolean; from: string } {
    return { mailbox: this.settings.mailbox, from: this.settings.mailFrom };
  }

  // Templates

  kinds(): NotificationKind[] {
    return this.renderer.kinds();
  }

  /** A kind rendered with its sample data: what staff preview in the console. */
  preview(kind: NotificationKind, language: Language): RenderedEmail {
    return this.renderer.render(kind, language, this.renderer.sample(kind) as never);
  }
}

import type { DataSource, EntityManager } from 'typeorm';
import { isStaff, type RequestContext } from '../../common/request-context.js';
import { DomainError, ErrorCode, ForbiddenError, NotFoundError, Problems, ValidationError } from '../../common/errors.js';
import { isUuid, pageWindow, validIds, type Page, type PageArgs } from '../../common/pagination.js';
import { inTransaction } from '../../db/transaction.js';
import type { CatalogService } from '../catalog/catalog.service.js';
import { NotificationKind } from '../notifications/notification-kinds.js';
import type { EmailRequest, NotificationsService } from '../notifications/notifications.service.js';
import { checkEmail, cleanText } from '../people/contact-rules.js';
import { Language, Person } from '../people/person.entity.js';
import { QuestionStatus, SupportQuestion } from './support-question.entity.js';
import type { QuestionFilter, QuestionInput } from './support.types.js';

/** At most this many questions from one e-mail address, or one person, per hour. */
export const QUESTIONS_PER_HOUR = 5;
const PROFILE_PATH = '/profils';
const QUESTIONS_PATH = '/jautajumi';

/**
 * Questions to the school (R-SUP-1): anyone asks (signed in or not, an e-mail address is needed
 * for the answer); staff take one, answer it (the answer goes by e-mail through the outbox and is
 * shown in the portal to a signed-in asker) and close it.
 */
export class SupportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: CatalogService,
    private readonly notifications: NotificationsService,
    private readonly settings: { publicUrl: string },
  ) {}

  async ask(ctx: RequestContext, input: QuestionInput): Promise<SupportQuestion> {
    const personId = ctx.viewer?.kind === 'person' ? ctx.viewer.personId : null;
    if (ctx.viewer?.kind === 'token') throw new ForbiddenError('Questions come from people, not API tokens');
    const person = personId ? await this.dataSource.getRepository(Person).findOneBy({ id: personId }) : null;
    const problems = new Problems();
    const name = cleanText(input.name ?? (person ? `${person.givenName} ${person.familyName}` : null), 'name', problems, 200);
    if (!name) problems.add('name', 'REQUIRED', 'name is required');
    const email = checkEmail(input.email?.trim() ? input.email : (person?.email ?? null), 'email', problems, { required: true });
    const text = input.text?.trim() ?? '';
    if (text.length < 10) problems.add('text', 'TOO_SHORT', 'text must be at least 10 characters');
    problems.check(text.length <= 4000, 'text', 'LENGTH', 'text must be at most 4000 characters');
    const courseId = input.courseId || null;
    if (courseId) {
      const visible = isUuid(courseId) ? await this.catalog.visibleCoursesByIds(ctx, [courseId]) : [];
      problems.check(visible.length === 1, 'courseId', 'UNKNOWN_COURSE', 'No such course');
    }
    problems.throwIfAny();
    return inTransaction(this.dataSource, async (em) => {
      // A lock per address (and person), so that concurrent questions are counted one at a time.
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('support-question:' || $1))`, [email!.toLowerCase()]);
      const [{ recent }] = await em.query(
        `SELECT count(*)::int AS recent FROM support_question
          WHERE created_at > now() - interval '1 hour' AND (lower(email) = $1 OR ($2::uuid IS NOT NULL AND person_id = $2))`,
        [email!.toLowerCase(), personId],
      );
      if (recent >= QUESTIONS_PER_HOUR) {
        throw new DomainError(ErrorCode.RATE_LIMITED, `At most ${QUESTIONS_PER_HOUR} questions an hour from one address`, { retryAfterSeconds: 3600 });
      }
      return em.save(
        em.create(SupportQuestion, {
          personId,
          name: name!,
          email: email!,
          language: person?.preferredLanguage ?? ctx.lang,
          courseId,
          text,
          status: QuestionStatus.OPEN,
          assignedToId: null,
          answer: null,
          answeredAt: null,
          answeredById: null,
          closedAt: null,
        }),
      );
    });
  }

  /** The signed-in person's questions, newest first. */
  async mine(ctx: RequestContext): Promise<SupportQuestion[]> {
    const personId = ctx.viewer?.kind === 'person' ? ctx.viewer.personId : null;
    if (!personId) return [];
    return this.dataSource.getRepository(SupportQuestion).find({ where: { personId }, order: { createdAt: 'DESC', id: 'ASC' }, take: 100 });
  }

  /** Staff: the queue; by status the oldest first, otherwise the newest first. */
  async list(ctx: RequestContext, filter: QuestionFilter = {}, pageArgs?: PageArgs): Promise<Page<SupportQuestion>> {
    if (!isStaff(ctx.viewer)) throw new ForbiddenError();
    const problems = new Problems();
    const window = pageWindow(pageArgs ?? { page: 1, perPage: 20 }, problems);
    const qb = this.dataSource.getRepository(SupportQuestion).createQueryBuilder('q');
    if (validIds(filter.ids, 'filter.ids', problems)) qb.andWhere(filter.ids.length ? 'q.id IN (:...ids)' : 'false', { ids: filter.ids });
    problems.throwIfAny();
    if (filter.status) qb.andWhere('q.status = :status', { status: filter.status });
    if (filter.mine) qb.andWhere('q.assigned_to = :me', { me: ctx.viewer?.personId });
    qb.orderBy('q.created_at', filter.status ? 'ASC' : 'DESC').addOrderBy('q.id');
    const [items, total] = await qb.offset(window.offset).limit(window.limit).getManyAndCount();
    return { items, total };
  }

  /** Staff: who handles the question (the viewer when no one is named); null frees it. */
  async assign(ctx: RequestContext, id: string, personId: string | null | undefined): Promise<SupportQuestion> {
    const assignee = personId === undefined ? (ctx.viewer?.personId ?? null) : personId;
    return this.changing(ctx, id, async (em, question) => {
      if (assignee) {
        const staff =
          isUuid(assignee) && (await em.query(`SELECT 1 FROM person_role WHERE person_id = $1 AND role IN ('STAFF', 'ADMIN') LIMIT 1`, [assignee])).length > 0;
        if (!staff) throw new ValidationError([{ field: 'personId', code: 'NOT_STAFF', message: 'Questions are assigned to staff only' }]);
      }
      question.assignedToId = assignee;
      return [];
    });
  }

  /** Staff answer: the asker gets the answer by e-mail in their language; the question is ANSWERED. */
  async answer(ctx: RequestContext, id: string, answer: string): Promise<SupportQuestion> {
    const problems = new Problems();
    const text = answer?.trim() ?? '';
    if (text.length < 2) problems.add('answer', 'REQUIRED', 'answer is required');
    problems.check(text.length <= 8000, 'answer', 'LENGTH', 'answer must be at most 8000 characters');
    problems.throwIfAny();
    return this.changing(ctx, id, async (em, question) => {
      if (question.status === QuestionStatus.CLOSED) throw new ValidationError([{ field: 'id', code: 'CLOSED', message: 'This question is closed' }]);
      Object.assign(question, { answer: text, answeredAt: new Date(), answeredById: ctx.viewer?.personId ?? null, status: QuestionStatus.ANSWERED });
      question.assignedToId ??= ctx.viewer?.personId ?? null;
      return [await this.answerEmail(em, question)];
    });
  }

  /** Staff close a question (answered, or needing no answer). */
  close(ctx: RequestContext, id: string): Promise<SupportQuestion> {
    return this.changing(ctx, id, async (_em, question) => {
      Object.assign(question, { status: QuestionStatus.CLOSED, closedAt: new Date() });
      return [];
    });
  }

  private async changing(
    ctx: RequestContext,
    id: string,
    change: (em: EntityManager, question: SupportQuestion) => Promise<EmailRequest[]>,
  ): Promise<SupportQuestion> {
    if (!isStaff(ctx.viewer)) throw new ForbiddenError();
    const saved = await inTransaction(this.dataSource, async (em) => {
      const question = isUuid(id)
        ? await em.getRepository(SupportQuestion).createQueryBuilder('q').setLock('pessimistic_write').where('q.id = :id', { id }).getOne()
        : null;
      if (!question) throw new NotFoundError('SupportQuestion', id);
      const emails = await change(em, question);
      const result = await em.save(question);
      await this.notifications.enqueue(em, emails);
      return result;
    });
    this.notifications.queued();
    return saved;
  }

  private async answerEmail(em: EntityManager, question: SupportQuestion): Promise<EmailRequest> {
    const [course] = question.courseId ? await em.query(`SELECT code, title_lv, title_en FROM course WHERE id = $1`, [question.courseId]) : [];
    const request: EmailRequest<NotificationKind.SUPPORT_ANSWERED> = {
      kind: NotificationKind.SUPPORT_ANSWERED,
      // A second answer to the same question is a new e-mail.
      idempotencyKey: `${NotificationKind.SUPPORT_ANSWERED}:${question.id}:${question.answeredAt!.toISOString()}`,
      to: { personId: question.personId, email: question.email, name: question.name, language: question.language },
      data: {
        recipientName: question.name,
        portalUrl: `${this.settings.publicUrl}${question.personId ? QUESTIONS_PATH : PROFILE_PATH}`,
        askedAt: question.createdAt.toISOString(),
        question: question.text,
        answer: question.answer!,
        course: course ? { code: course.code, title: question.language === Language.EN ? course.title_en || course.title_lv : course.title_lv } : null,
      },
    };
    return request as EmailRequest;
  }
}

import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { isStaff, type RequestContext } from '../../common/request-context.js';
import { DomainError, ErrorCode, ForbiddenError, NotFoundError, Problems, ValidationError } from '../../common/errors.js';
import { isUuid, pageWindow, validIds, type Page, type PageArgs } from '../../common/pagination.js';
import { Language } from '../../common/roles.js';
import { inTransaction } from '../../db/transaction.js';
import { foldedSql, searchTerms } from '../catalog/search-text.js';
import { NotificationKind } from '../notifications/notification-kinds.js';
import type { EmailRequest, NotificationsService } from '../notifications/notifications.service.js';
import type { PeopleService } from '../people/people.service.js';
import {
  AttemptClosedBy,
  KnowledgeTest,
  KnowledgeTestAttempt,
  KnowledgeTestInvitation,
  type TestAnswer,
  type TestQuestion,
  TestQuestionKind,
} from './knowledge-test.entity.js';
import type {
  KnowledgeTestFilter,
  KnowledgeTestInput,
  KnowledgeTestInvitationResult,
  KnowledgeTestResult,
  KnowledgeTestResultFilter,
  MyKnowledgeTest,
  TestAnswerInput,
} from './knowledge-tests.types.js';

/** A timed attempt still takes answers this long after its deadline (a save on its way, a slow clock). */
export const DEADLINE_GRACE_MS = 30_000;
/** The portal's page of one test invitation (web/src/App.tsx). */
export const knowledgeTestPath = (invitationId: string) => `/testi/${invitationId}`;
const MAX_QUESTIONS = 100;
const MAX_OPTIONS = 20;

/** Points of the answers: a question's points are earned only when exactly its correct options are chosen. */
export function scoreAnswers(questions: TestQuestion[], answers: TestAnswer[]): { score: number; maxScore: number } {
  let score = 0;
  let maxScore = 0;
  for (const question of questions) {
    maxScore += question.points;
    const chosen = new Set(answers.find((a) => a.questionId === question.id)?.optionIds ?? []);
    const correct = question.options.filter((o) => o.correct).map((o) => o.id);
    if (chosen.size === correct.length && correct.every((id) => chosen.has(id))) score += question.points;
  }
  return { score, maxScore };
}

export const passes = (score: number, maxScore: number, passPercent: number) => score * 100 >= passPercent * maxScore;

interface InvitationRow {
  id: string;
  test_id: string;
  group_code: string;
  course_title_lv: string;
  course_title_en: string;
  invited_at: Date;
}

/**
 * Knowledge tests (R-AFT-4): staff write tests and invite a group's confirmed participants; the
 * person starts attempts (as many as the test allows), their answers are saved as they go and
 * scored when they submit or, for a timed test, when the deadline has passed: at the next submit,
 * save, start or read, whoever comes first. The final result of an invitation is its best attempt.
 */
export class KnowledgeTestsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly people: PeopleService,
    private readonly settings: { publicUrl: string },
  ) {}

  // --- Staff: the editor -------------------------------------------------------------------

  async list(ctx: RequestContext, filter: KnowledgeTestFilter = {}, pageArgs?: PageArgs): Promise<Page<KnowledgeTest>> {
    this.staffOnly(ctx);
    const problems = new Problems();
    const window = pageWindow(pageArgs ?? { page: 1, perPage: 20 }, problems);
    const qb = this.dataSource.getRepository(KnowledgeTest).createQueryBuilder('t');
    searchTerms(filter.q ?? '').forEach((term, i) => qb.andWhere(`${foldedSql("t.title_lv || ' ' || t.title_en")} LIKE :t${i}`, { [`t${i}`]: `%${term}%` }));
    if (validIds(filter.ids, 'filter.ids', problems)) qb.andWhere(filter.ids.length ? 't.id IN (:...ids)' : 'false', { ids: filter.ids });
    problems.throwIfAny();
    const [items, total] = await qb.orderBy('t.title_lv').addOrderBy('t.id').offset(window.offset).limit(window.limit).getManyAndCount();
    return { items: await this.withAttemptFlags(this.dataSource.manager, items), total };
  }

  async get(ctx: RequestContext, id: string): Promise<KnowledgeTest> {
    this.staffOnly(ctx);
    const found = isUuid(id) ? await this.dataSource.getRepository(KnowledgeTest).findOneBy({ id }) : null;
    if (!found) throw new NotFoundError('KnowledgeTest', id);
    return (await this.withAttemptFlags(this.dataSource.manager, [found]))[0];
  }

  /** A new test, as a draft. */
  async create(ctx: RequestContext, input: KnowledgeTestInput): Promise<KnowledgeTest> {
    this.staffOnly(ctx);
    const fields = checkTest(input);
    return inTransaction(this.dataSource, async (em) => {
      const test = await em.save(em.create(KnowledgeTest, { ...fields, publishedAt: null }));
      return (await this.withAttemptFlags(em, [test]))[0];
    });
  }

  /**
   * Saves the test. Once anyone has started an attempt, its questions and pass mark are what
   * results were scored against: changing them is TEST_LOCKED (make a new test instead); the
   * texts around them, the attempts allowed and the time limit may still change.
   */
  async update(ctx: RequestContext, id: string, input: KnowledgeTestInput): Promise<KnowledgeTest> {
    this.staffOnly(ctx);
    const fields = checkTest(input);
    return inTransaction(this.dataSource, async (em) => {
      const test = await this.lockTest(em, id);
      const [{ started }]: { started: boolean }[] = await em.query(
        `SELECT EXISTS (SELECT 1 FROM knowledge_test_attempt a JOIN knowledge_test_invitation i ON i.id = a.invitation_id WHERE i.test_id = $1) AS started`,
        [id],
      );
      if (started && (canonical(fields.questions) !== canonical(test.questions) || fields.passPercent !== test.passPercent)) {
        throw new DomainError(ErrorCode.TEST_LOCKED, 'Attempts have been made: the questions and the pass mark can no longer change');
      }
      Object.assign(test, fields);
      await em.save(test);
      return (await this.withAttemptFlags(em, [test]))[0];
    });
  }

  /** Published: people can be invited and can start attempts. Publishing again changes nothing. */
  async publish(ctx: RequestContext, id: string): Promise<KnowledgeTest> {
    this.staffOnly(ctx);
    return inTransaction(this.dataSource, async (em) => {
      const test = await this.lockTest(em, id);
      if (test.questions.length === 0) throw new ValidationError([{ field: 'questions', code: 'REQUIRED', message: 'A test needs at least one question' }]);
      if (!test.publishedAt) {
        test.publishedAt = new Date();
        await em.save(test);
      }
      return (await this.withAttemptFlags(em, [test]))[0];
    });
  }

  private async lockTest(em: EntityManager, id: string): Promise<KnowledgeTest> {
    const test = isUuid(id)
      ? await em.getRepository(KnowledgeTest).createQueryBuilder('t').setLock('pessimistic_write').where('t.id = :id', { id }).getOne()
      : null;
    if (!test) throw new NotFoundError('KnowledgeTest', id);
    return test;
  }

  private async withAttemptFlags(em: EntityManager, tests: KnowledgeTest[]): Promise<KnowledgeTest[]> {
    if (tests.length === 0) return [];
    const rows: { test_id: string }[] = await em.query(
      `SELECT DISTINCT i.test_id FROM knowledge_test_invitation i JOIN knowledge_test_attempt a ON a.invitation_id = i.id WHERE i.test_id = ANY($1::uuid[])`,
      [tests.map((t) => t.id)],
    );
    const started = new Set(rows.map((row) => row.test_id));
    for (const test of tests) test.hasAttempts = started.has(test.id);
    return tests;
  }

  private staffOnly(ctx: RequestContext): void {
    if (!isStaff(ctx.viewer)) throw new ForbiddenError();
  }

  // --- Staff: invitations and results ------------------------------------------------------

  /**
   * Invites the group's CONFIRMED participants to a published test, each once (the invitation is
   * unique per test, person and group): the e-mails go into the outbox in the same transaction,
   * keyed by the invitation, so inviting again adds only those confirmed since.
   */
  async inviteGroup(ctx: RequestContext, testId: string, groupId: string, now: Date = new Date()): Promise<KnowledgeTestInvitationResult> {
    this.staffOnly(ctx);
    const result = await inTransaction(this.dataSource, async (em) => {
      const test = isUuid(testId)
        ? await em.getRepository(KnowledgeTest).createQueryBuilder('t').setLock('pessimistic_read').where('t.id = :testId', { testId }).getOne()
        : null;
      if (!test) throw new NotFoundError('KnowledgeTest', testId);
      if (!test.publishedAt) throw new DomainError(ErrorCode.TEST_NOT_PUBLISHED, 'Publish the test before inviting anyone');
      const [group]: { id: string; code: string; course_code: string; title_lv: string; title_en: string }[] = isUuid(groupId)
        ? await em.query(
            `SELECT g.id, g.code, c.code AS course_code, c.title_lv, c.title_en FROM course_group g JOIN course c ON c.id = g.course_id WHERE g.id = $1`,
            [groupId],
          )
        : [];
      if (!group) throw new NotFoundError('Group', groupId);
      const [{ confirmed }]: { confirmed: number }[] = await em.query(
        `SELECT count(*)::int AS confirmed FROM registration WHERE group_id = $1 AND status = 'CONFIRMED'`,
        [groupId],
      );
      const inserted: { id: string; person_id: string }[] = await em.query(
        `INSERT INTO knowledge_test_invitation (test_id, person_id, group_id, invited_at)
         SELECT $1, r.person_id, r.group_id, $3 FROM registration r WHERE r.group_id = $2 AND r.status = 'CONFIRMED'
         ORDER BY r.person_id
         ON CONFLICT (test_id, person_id, group_id) DO NOTHING
         RETURNING id, person_id`,
        [testId, groupId, now],
      );
      const [first]: { starts_at: Date; ends_at: Date }[] = await em.query(
        `SELECT starts_at, ends_at FROM session WHERE group_id = $1 ORDER BY starts_at LIMIT 1`,
        [groupId],
      );
      const contacts = await this.people.contactsByIds(
        inserted.map((row) => row.person_id),
        em,
      );
      const emails: EmailRequest<NotificationKind.TEST_INVITATION>[] = [];
      for (const row of inserted) {
        const to = contacts.get(row.person_id);
        if (!to) continue;
        const en = to.language === Language.EN;
        emails.push({
          kind: NotificationKind.TEST_INVITATION,
          idempotencyKey: `${NotificationKind.TEST_INVITATION}:${row.id}`,
          to,
          groupId,
          data: {
            recipientName: to.name,
            recipientRole: 'PARTICIPANT',
            course: { code: group.course_code, title: en ? group.title_en || group.title_lv : group.title_lv },
            group: { code: group.code },
            portalUrl: `${this.settings.publicUrl}${knowledgeTestPath(row.id)}`,
            test: {
              title: en ? test.titleEn || test.titleLv : test.titleLv,
              questions: test.questions.length,
              passPercent: test.passPercent,
              attemptsAllowed: test.attemptsAllowed,
              timeLimitMinutes: test.timeLimitMinutes,
            },
            firstSession: first ? { startsAt: new Date(first.starts_at).toISOString(), endsAt: new Date(first.ends_at).toISOString() } : null,
          },
        });
      }
      await this.notifications.enqueue(em, emails);
      return { invited: inserted.length, alreadyInvited: confirmed - inserted.length };
    });
    if (result.invited > 0) this.notifications.queued();
    return result;
  }

  /** Per invitation of a test and/or a group: attempts and the best closed one. Closes overdue attempts first. */
  async results(ctx: RequestContext, filter: KnowledgeTestResultFilter, pageArgs?: PageArgs, now: Date = new Date()): Promise<Page<KnowledgeTestResult>> {
    this.staffOnly(ctx);
    const problems = new Problems();
    const window = pageWindow(pageArgs ?? { page: 1, perPage: 20 }, problems);
    problems.check(!!filter.testId || !!filter.groupId, 'filter', 'ONE_OF', 'Give testId, groupId or both');
    problems.throwIfAny();
    for (const [key, id] of [
      ['KnowledgeTest', filter.testId],
      ['Group', filter.groupId],
    ] as const)
      if (id && !isUuid(id)) throw new NotFoundError(key, id);
    const testId = filter.testId ?? null;
    const groupId = filter.groupId ?? null;
    await this.closeOverdue(now, `($2::uuid IS NULL OR i.test_id = $2) AND ($3::uuid IS NULL OR i.group_id = $3)`, [testId, groupId]);
    const rows: (Omit<KnowledgeTestResult, 'invitedAt'> & { invitedAt: Date; total: number })[] = await this.dataSource.query(
      `SELECT i.id, i.test_id AS "testId", t.title_lv AS "testTitle", i.person_id AS "personId", p.given_name || ' ' || p.family_name AS "personName",
              i.group_id AS "groupId", g.code AS "groupCode", i.invited_at AS "invitedAt",
              (SELECT count(*)::int FROM knowledge_test_attempt a WHERE a.invitation_id = i.id) AS attempts,
              b.score AS "bestScore", b.max_score AS "maxScore", b.passed, count(*) OVER ()::int AS total
         FROM knowledge_test_invitation i
         JOIN knowledge_test t ON t.id = i.test_id
         JOIN person p ON p.id = i.person_id
         JOIN course_group g ON g.id = i.group_id
         LEFT JOIN LATERAL (SELECT a.score, a.max_score, a.passed FROM knowledge_test_attempt a
                             WHERE a.invitation_id = i.id AND a.submitted_at IS NOT NULL ORDER BY a.score DESC, a.number LIMIT 1) b ON true
        WHERE ($1::uuid IS NULL OR i.test_id = $1) AND ($2::uuid IS NULL OR i.group_id = $2)
        ORDER BY g.code, p.family_name, p.given_name, i.id
        OFFSET $3 LIMIT $4`,
      [testId, groupId, window.offset, window.limit],
    );
    return { items: rows.map(({ total: _total, ...row }) => ({ ...row, invitedAt: new Date(row.invitedAt) })), total: rows[0]?.total ?? 0 };
  }

  // --- Participants ------------------------------------------------------------------------

  /** The signed-in person's test invitations, the newest first. */
  async mine(ctx: RequestContext, now: Date = new Date()): Promise<MyKnowledgeTest[]> {
    const personId = ctx.viewer?.kind === 'person' ? ctx.viewer.personId : null;
    if (!personId) return [];
    await this.closeOverdue(now, `i.person_id = $2`, [personId]);
    return this.invitations(ctx, this.dataSource.manager, personId, null);
  }

  async mineOne(ctx: RequestContext, invitationId: string, now: Date = new Date()): Promise<MyKnowledgeTest> {
    const personId = this.personOf(ctx);
    if (!isUuid(invitationId)) throw new NotFoundError('KnowledgeTestInvitation', invitationId);
    await this.closeOverdue(now, `i.person_id = $2 AND i.id = $3`, [personId, invitationId]);
    const [found] = await this.invitations(ctx, this.dataSource.manager, personId, invitationId);
    if (!found) throw new NotFoundError('KnowledgeTestInvitation', invitationId);
    return found;
  }

  /**
   * Starts an attempt, or gives back the one in progress (a second tab, a reload). Refused when the
   * test is not published or every allowed attempt has been used (ATTEMPTS_USED_UP).
   */
  async start(ctx: RequestContext, invitationId: string, now: Date = new Date()): Promise<KnowledgeTestAttempt> {
    const personId = this.personOf(ctx);
    return this.thenThrow(
      inTransaction(this.dataSource, async (em) => {
        const invitation = isUuid(invitationId)
          ? await em
              .getRepository(KnowledgeTestInvitation)
              .createQueryBuilder('i')
              .setLock('pessimistic_write')
              .where('i.id = :invitationId AND i.person_id = :personId', { invitationId, personId })
              .getOne()
          : null;
        if (!invitation) throw new NotFoundError('KnowledgeTestInvitation', invitationId);
        const test = await em.findOneByOrFail(KnowledgeTest, { id: invitation.testId });
        if (!test.publishedAt) throw new DomainError(ErrorCode.TEST_NOT_PUBLISHED, 'This test is not open');
        const attempts = await em.find(KnowledgeTestAttempt, { where: { invitationId }, order: { number: 'ASC' } });
        const open = attempts.find((a) => !a.submittedAt);
        if (open && !overdue(open, now)) return open;
        if (open) await this.close(em, open, test, AttemptClosedBy.DEADLINE, now);
        if (attempts.length >= test.attemptsAllowed) {
          return new DomainError(ErrorCode.ATTEMPTS_USED_UP, `All ${test.attemptsAllowed} attempts have been used`);
        }
        return em.save(
          em.create(KnowledgeTestAttempt, {
            invitationId,
            number: attempts.length + 1,
            startedAt: now,
            deadlineAt: test.timeLimitMinutes ? new Date(now.getTime() + test.timeLimitMinutes * 60_000) : null,
            answers: [],
            submittedAt: null,
            closedBy: null,
            score: null,
            maxScore: null,
            passed: null,
          }),
        );
      }),
    );
  }

  /** Keeps the answers given so far (replacing the saved ones). An attempt past its deadline is closed instead: ATTEMPT_CLOSED. */
  async saveAnswers(ctx: RequestContext, attemptId: string, input: TestAnswerInput[], now: Date = new Date()): Promise<KnowledgeTestAttempt> {
    const personId = this.personOf(ctx);
    return this.thenThrow(
      inTransaction(this.dataSource, async (em) => {
        const { attempt, test } = await this.lockAttempt(em, attemptId, personId);
        if (attempt.submittedAt) return new DomainError(ErrorCode.ATTEMPT_CLOSED, 'This attempt has been submitted');
        if (overdue(attempt, now)) {
          await this.close(em, attempt, test, AttemptClosedBy.DEADLINE, now);
          return new DomainError(ErrorCode.ATTEMPT_CLOSED, 'The time is up: the answers saved before it were scored');
        }
        attempt.answers = checkAnswers(test.questions, input);
        return em.save(attempt);
      }),
    );
  }

  /**
   * Scores the attempt, once: concurrent submissions wait on the attempt's row lock and the later
   * ones are ATTEMPT_CLOSED. `answers`, when given, replace the saved ones, unless the deadline
   * (and its grace) has passed: then the saved answers are scored.
   */
  async submit(ctx: RequestContext, attemptId: string, input: TestAnswerInput[] | null, now: Date = new Date()): Promise<KnowledgeTestAttempt> {
    const personId = this.personOf(ctx);
    return this.thenThrow(
      inTransaction(this.dataSource, async (em) => {
        const { attempt, test } = await this.lockAttempt(em, attemptId, personId);
        if (attempt.submittedAt) return new DomainError(ErrorCode.ATTEMPT_CLOSED, 'This attempt has been submitted');
        if (overdue(attempt, now)) return this.close(em, attempt, test, AttemptClosedBy.DEADLINE, now);
        if (input) attempt.answers = checkAnswers(test.questions, input);
        return this.close(em, attempt, test, AttemptClosedBy.PERSON, now);
      }),
    );
  }

  /** Closes (scores) the open attempts past deadline and grace in a scope; `$1` is the cut-off time. */
  private async closeOverdue(now: Date, scope: string, params: unknown[]): Promise<void> {
    await inTransaction(this.dataSource, async (em) => {
      const ids: { id: string }[] = await em.query(
        `SELECT a.id FROM knowledge_test_attempt a JOIN knowledge_test_invitation i ON i.id = a.invitation_id
          WHERE a.submitted_at IS NULL AND a.deadline_at < $1 AND ${scope}
          ORDER BY a.id FOR UPDATE OF a SKIP LOCKED`,
        [new Date(now.getTime() - DEADLINE_GRACE_MS), ...params],
      );
      for (const { id } of ids) {
        const attempt = await em.findOneByOrFail(KnowledgeTestAttempt, { id });
        const test: KnowledgeTest = await em
          .getRepository(KnowledgeTest)
          .createQueryBuilder('t')
          .where('t.id = (SELECT test_id FROM knowledge_test_invitation WHERE id = :invitationId)', { invitationId: attempt.invitationId })
          .getOneOrFail();
        await this.close(em, attempt, test, AttemptClosedBy.DEADLINE, now);
      }
    });
  }

  private async close(em: EntityManager, attempt: KnowledgeTestAttempt, test: KnowledgeTest, by: AttemptClosedBy, now: Date): Promise<KnowledgeTestAttempt> {
    const { score, maxScore } = scoreAnswers(test.questions, attempt.answers);
    Object.assign(attempt, { submittedAt: now, closedBy: by, score, maxScore, passed: passes(score, maxScore, test.passPercent) });
    return em.save(attempt);
  }

  private async lockAttempt(em: EntityManager, attemptId: string, personId: string): Promise<{ attempt: KnowledgeTestAttempt; test: KnowledgeTest }> {
    const attempt = isUuid(attemptId)
      ? await em
          .getRepository(KnowledgeTestAttempt)
          .createQueryBuilder('a')
          .setLock('pessimistic_write')
          .where('a.id = :attemptId', { attemptId })
          .andWhere('a.invitation_id IN (SELECT id FROM knowledge_test_invitation WHERE person_id = :personId)', { personId })
          .getOne()
      : null;
    if (!attempt) throw new NotFoundError('KnowledgeTestAttempt', attemptId);
    const test = await em
      .getRepository(KnowledgeTest)
      .createQueryBuilder('t')
      .where('t.id = (SELECT test_id FROM knowledge_test_invitation WHERE id = :invitationId)', { invitationId: attempt.invitationId })
      .getOneOrFail();
    return { attempt, test };
  }

  /** The transaction's answer, or the refusal it decided on after committing what it closed. */
  private async thenThrow<T>(outcome: Promise<T | DomainError>): Promise<T> {
    const value = await outcome;
    if (value instanceof DomainError) throw value;
    return value;
  }

  private personOf(ctx: RequestContext): string {
    const personId = ctx.viewer?.kind === 'person' ? ctx.viewer.personId : null;
    if (!personId) throw new ForbiddenError('Tests are taken by people');
    return personId;
  }

  private async invitations(ctx: RequestContext, em: EntityManager, personId: string, invitationId: string | null): Promise<MyKnowledgeTest[]> {
    const rows: InvitationRow[] = await em.query(
      `SELECT i.id, i.test_id, g.code AS group_code, c.title_lv AS course_title_lv, c.title_en AS course_title_en, i.invited_at
         FROM knowledge_test_invitation i
         JOIN course_group g ON g.id = i.group_id
         JOIN course c ON c.id = g.course_id
        WHERE i.person_id = $1 AND ($2::uuid IS NULL OR i.id = $2)
        ORDER BY i.invited_at DESC, i.id
        LIMIT 200`,
      [personId, invitationId],
    );
    if (rows.length === 0) return [];
    const tests = new Map(
      (
        await em
          .getRepository(KnowledgeTest)
          .createQueryBuilder('t')
          .where('t.id IN (:...ids)', { ids: [...new Set(rows.map((r) => r.test_id))] })
          .getMany()
      ).map((t) => [t.id, t]),
    );
    const attempts = await em
      .getRepository(KnowledgeTestAttempt)
      .createQueryBuilder('a')
      .where('a.invitation_id IN (:...ids)', { ids: rows.map((r) => r.id) })
      .orderBy('a.number')
      .getMany();
    const en = ctx.lang === Language.EN;
    return rows.map((row): MyKnowledgeTest => {
      const test = tests.get(row.test_id)!;
      const own = attempts.filter((a) => a.invitationId === row.id);
      const closed = own.filter((a) => a.submittedAt);
      const best = closed.reduce<KnowledgeTestAttempt | null>((b, a) => (!b || a.score! > b.score! ? a : b), null);
      return {
        id: row.id,
        testId: test.id,
        title: en ? test.titleEn || test.titleLv : test.titleLv,
        instructions: en ? test.instructionsEn || test.instructionsLv : test.instructionsLv,
        groupCode: row.group_code,
        courseTitle: en ? row.course_title_en || row.course_title_lv : row.course_title_lv,
        invitedAt: new Date(row.invited_at),
        passPercent: test.passPercent,
        attemptsAllowed: test.attemptsAllowed,
        timeLimitMinutes: test.timeLimitMinutes,
        maxScore: test.questions.reduce((sum, q) => sum + q.points, 0),
        // Which options are correct never leaves for a participant (the field is staff-only as well).
        questions: test.questions.map((q) => ({ ...q, options: q.options.map(({ correct: _correct, ...o }) => o as TestQuestion['options'][number]) })),
        attempts: own,
        canStart: !!test.publishedAt && (own.some((a) => !a.submittedAt) || own.length < test.attemptsAllowed),
        best,
      };
    });
  }
}

/** The questions as text with a fixed key order (jsonb does not keep the order they were written in). */
const canonical = (questions: TestQuestion[]) =>
  JSON.stringify(questions.map((q) => [q.id, q.kind, q.textLv, q.textEn, q.points, q.options.map((o) => [o.id, o.textLv, o.textEn, o.correct])]));

const overdue = (attempt: KnowledgeTestAttempt, now: Date) => !!attempt.deadlineAt && attempt.deadlineAt.getTime() + DEADLINE_GRACE_MS < now.getTime();

/** Validates what the console saved; ids are kept when given, made up when not. */
function checkTest(input: KnowledgeTestInput): Omit<KnowledgeTest, 'id' | 'publishedAt' | 'createdAt' | 'updatedAt' | 'hasAttempts'> {
  const problems = new Problems();
  const text = (value: string | null | undefined, field: string, max: number, required: boolean) => {
    const trimmed = value?.trim() ?? '';
    if (required && !trimmed) problems.add(field, 'REQUIRED', `${field} is required`);
    problems.check(trimmed.length <= max, field, 'LENGTH', `${field} must be at most ${max} characters`);
    return trimmed;
  };
  const whole = (value: number | null | undefined, field: string, min: number, max: number) =>
    problems.check(Number.isInteger(value) && value! >= min && value! <= max, field, 'OUT_OF_RANGE', `${field} must be a whole number from ${min} to ${max}`);
  whole(input.passPercent, 'passPercent', 0, 100);
  whole(input.attemptsAllowed, 'attemptsAllowed', 1, 20);
  if (input.timeLimitMinutes != null) whole(input.timeLimitMinutes, 'timeLimitMinutes', 1, 600);
  const list = input.questions ?? [];
  problems.check(list.length <= MAX_QUESTIONS, 'questions', 'TOO_MANY', `at most ${MAX_QUESTIONS} questions`);
  const ids = new Set<string>();
  const idOf = (given: string | null | undefined, field: string) => {
    const id = given?.trim() || randomUUID();
    problems.check(id.length <= 64 && !ids.has(id), field, 'DUPLICATE_ID', 'ids must be unique and at most 64 characters');
    ids.add(id);
    return id;
  };
  const questions = list.slice(0, MAX_QUESTIONS).map((q, index): TestQuestion => {
    const at = `questions.${index}`;
    const options = q.options ?? [];
    problems.check(options.length >= 2 && options.length <= MAX_OPTIONS, `${at}.options`, 'OPTION_COUNT', `2 to ${MAX_OPTIONS} options`);
    const correct = options.filter((o) => o.correct).length;
    if (q.kind === TestQuestionKind.SINGLE) problems.check(correct === 1, `${at}.options`, 'ONE_CORRECT', 'exactly one option must be correct');
    else problems.check(correct >= 1, `${at}.options`, 'SOME_CORRECT', 'at least one option must be correct');
    whole(q.points, `${at}.points`, 1, 100);
    return {
      id: idOf(q.id, `${at}.id`),
      kind: q.kind,
      textLv: text(q.textLv, `${at}.textLv`, 1000, true),
      textEn: text(q.textEn, `${at}.textEn`, 1000, false),
      points: q.points,
      options: options.slice(0, MAX_OPTIONS).map((o, i) => ({
        id: idOf(o.id, `${at}.options.${i}.id`),
        textLv: text(o.textLv, `${at}.options.${i}.textLv`, 300, true),
        textEn: text(o.textEn, `${at}.options.${i}.textEn`, 300, false),
        correct: !!o.correct,
      })),
    };
  });
  const fields = {
    titleLv: text(input.titleLv, 'titleLv', 200, true),
    titleEn: text(input.titleEn, 'titleEn', 200, false),
    instructionsLv: text(input.instructionsLv, 'instructionsLv', 4000, false),
    instructionsEn: text(input.instructionsEn, 'instructionsEn', 4000, false),
    passPercent: input.passPercent,
    attemptsAllowed: input.attemptsAllowed,
    timeLimitMinutes: input.timeLimitMinutes ?? null,
    questions,
  };
  problems.throwIfAny();
  return fields;
}

/** The answers against the test's questions; unanswered questions are allowed (they earn nothing). */
function checkAnswers(questions: TestQuestion[], input: TestAnswerInput[]): TestAnswer[] {
  const problems = new Problems();
  const answers: TestAnswer[] = [];
  const seen = new Set<string>();
  for (const answer of input ?? []) {
    const field = `answers.${answer.questionId}`;
    const question = questions.find((q) => q.id === answer.questionId);
    if (!question || seen.has(answer.questionId)) {
      problems.add(field, 'UNKNOWN_QUESTION', 'No such question, or answered twice');
      continue;
    }
    seen.add(question.id);
    const optionIds = [...new Set(answer.optionIds ?? [])];
    if (!optionIds.every((id) => question.options.some((o) => o.id === id))) problems.add(field, 'UNKNOWN_OPTION', 'No such option');
    else if (question.kind === TestQuestionKind.SINGLE && optionIds.length > 1) problems.add(field, 'ONE_OPTION', 'Choose one option');
    else if (optionIds.length > 0) answers.push({ questionId: question.id, optionIds });
  }
  problems.throwIfAny();
  return answers;
}

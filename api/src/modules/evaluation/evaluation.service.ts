import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { isStaff, type RequestContext } from '../../common/request-context.js';
import { DomainError, ErrorCode, ForbiddenError, NotFoundError, Problems, ValidationError } from '../../common/errors.js';
import { isUuid, pageWindow, validIds, type Page, type PageArgs } from '../../common/pagination.js';
import { Language } from '../../common/roles.js';
import { inTransaction } from '../../db/transaction.js';
import type { AttendanceService } from '../attendance/attendance.service.js';
import { foldedSql, searchTerms } from '../catalog/search-text.js';
import {
  type Answer,
  type Question,
  QuestionKind,
  Questionnaire,
  QuestionnaireCompletion,
  QuestionnaireInvitation,
  QuestionnaireResponse,
  QuestionnaireVersion,
} from './questionnaire.entity.js';
import type {
  AnswerInput,
  MyQuestionnaire,
  QuestionnaireFilter,
  QuestionnaireQuestionInput,
  QuestionnaireInput,
  QuestionnaireReport,
  QuestionnaireReportFilter,
  QuestionReport,
  VersionReport,
} from './evaluation.types.js';

/** Invitations are made for groups whose last session ended at most this long ago (attaching a questionnaire does not reach back years). */
export const INVITE_WITHIN_DAYS = 60;
const MAX_QUESTIONS = 100;
const MAX_OPTIONS = 20;
const MAX_ANSWER_TEXT = 4000;
const RIGA_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga', year: 'numeric', month: '2-digit', day: '2-digit' });

/** A person who may be invited to fill a group's questionnaire now, with what the e-mail needs. */
export interface Invitee {
  personId: string;
  groupId: string;
  versionId: string;
  groupCode: string;
  courseCode: string;
  titleLv: string;
  titleEn: string;
  lastStartsAt: Date;
  lastEndsAt: Date;
}

/**
 * Evaluation questionnaires (R-AFT-1, R-AFT-2): staff edit versioned questionnaires and attach one
 * to a course; participants who took part fill the version they were invited to; staff read the
 * answers aggregated, never with names. Answers (questionnaire_response) and who answered
 * (questionnaire_completion) are written in one transaction but share nothing a join could use.
 */
export class EvaluationService {
  constructor(
    private readonly dataSource: DataSource,
    /** Who met the course's attendance rule (R-AFT-5): only they are invited. */
    private readonly attendance: AttendanceService,
  ) {}

  private readonly completedListeners: (() => void)[] = [];

  /** Called after a questionnaire was filled and committed (the certificate may now be due). */
  onCompleted(listener: () => void): void {
    this.completedListeners.push(listener);
  }

  // --- Staff: the editor -------------------------------------------------------------------

  async list(ctx: RequestContext, filter: QuestionnaireFilter = {}, pageArgs?: PageArgs): Promise<Page<Questionnaire>> {
    this.staffOnly(ctx);
    const problems = new Problems();
    const window = pageWindow(pageArgs ?? { page: 1, perPage: 20 }, problems);
    const qb = this.dataSource.getRepository(Questionnaire).createQueryBuilder('q');
    searchTerms(filter.q ?? '').forEach((term, i) => qb.andWhere(`${foldedSql('q.title')} LIKE :t${i}`, { [`t${i}`]: `%${term}%` }));
    if (validIds(filter.ids, 'filter.ids', problems)) qb.andWhere(filter.ids.length ? 'q.id IN (:...ids)' : 'false', { ids: filter.ids });
    problems.throwIfAny();
    const [items, total] = await qb.orderBy('q.title').addOrderBy('q.id').offset(window.offset).limit(window.limit).getManyAndCount();
    return { items: await this.withVersions(this.dataSource.manager, items), total };
  }

  async get(ctx: RequestContext, id: string): Promise<Questionnaire> {
    this.staffOnly(ctx);
    const found = isUuid(id) ? await this.dataSource.getRepository(Questionnaire).findOneBy({ id }) : null;
    if (!found) throw new NotFoundError('Questionnaire', id);
    return (await this.withVersions(this.dataSource.manager, [found]))[0];
  }

  /** A new questionnaire with its first version as a draft. */
  async create(ctx: RequestContext, input: QuestionnaireInput): Promise<Questionnaire> {
    this.staffOnly(ctx);
    const { title, questions } = checkQuestionnaire(input);
    return inTransaction(this.dataSource, async (em) => {
      const questionnaire = await em.save(em.create(Questionnaire, { title }));
      await em.save(em.create(QuestionnaireVersion, { questionnaireId: questionnaire.id, number: 1, questions, publishedAt: null }));
      return (await this.withVersions(em, [questionnaire]))[0];
    });
  }

  /** Saves the title and the questions into the draft; when the newest version is published, a new draft is made (published ones never change). */
  async update(ctx: RequestContext, id: string, input: QuestionnaireInput): Promise<Questionnaire> {
    this.staffOnly(ctx);
    const { title, questions } = checkQuestionnaire(input);
    return this.changing(id, async (em, questionnaire, versions) => {
      questionnaire.title = title;
      await em.save(questionnaire);
      const draft = versions.find((v) => !v.publishedAt);
      if (draft) {
        draft.questions = questions;
        await em.save(draft);
      } else {
        const number = Math.max(0, ...versions.map((v) => v.number)) + 1;
        await em.save(em.create(QuestionnaireVersion, { questionnaireId: questionnaire.id, number, questions, publishedAt: null }));
      }
    });
  }

  /** The draft becomes the published version: invitations from now on use it. */
  async publish(ctx: RequestContext, id: string): Promise<Questionnaire> {
    this.staffOnly(ctx);
    return this.changing(id, async (em, _questionnaire, versions) => {
      const draft = versions.find((v) => !v.publishedAt);
      if (!draft) throw new ValidationError([{ field: 'id', code: 'NO_DRAFT', message: 'There is no draft to publish' }]);
      if (draft.questions.length === 0)
        throw new ValidationError([{ field: 'questions', code: 'REQUIRED', message: 'A questionnaire needs at least one question' }]);
      draft.publishedAt = new Date();
      await em.save(draft);
    });
  }

  private async changing(
    id: string,
    change: (em: EntityManager, questionnaire: Questionnaire, versions: QuestionnaireVersion[]) => Promise<void>,
  ): Promise<Questionnaire> {
    return inTransaction(this.dataSource, async (em) => {
      const questionnaire = isUuid(id)
        ? await em.getRepository(Questionnaire).createQueryBuilder('q').setLock('pessimistic_write').where('q.id = :id', { id }).getOne()
        : null;
      if (!questionnaire) throw new NotFoundError('Questionnaire', id);
      const versions = await em.find(QuestionnaireVersion, { where: { questionnaireId: id }, order: { number: 'DESC' } });
      await change(em, questionnaire, versions);
      return (await this.withVersions(em, [questionnaire]))[0];
    });
  }

  private async withVersions(em: EntityManager, questionnaires: Questionnaire[]): Promise<Questionnaire[]> {
    if (questionnaires.length === 0) return [];
    const versions: QuestionnaireVersion[] = await em
      .getRepository(QuestionnaireVersion)
      .createQueryBuilder('v')
      .where('v.questionnaire_id IN (:...ids)', { ids: questionnaires.map((q) => q.id) })
      .orderBy('v.number', 'DESC')
      .getMany();
    for (const questionnaire of questionnaires) questionnaire.versions = versions.filter((v) => v.questionnaireId === questionnaire.id);
    return questionnaires;
  }

  private staffOnly(ctx: RequestContext): void {
    if (!isStaff(ctx.viewer)) throw new ForbiddenError();
  }

  // --- Who is asked --------------------------------------------------------------------------

  /**
   * The one eligibility rule (R-AFT-1): a CONFIRMED registration in a group that is not cancelled,
   * whose course has a published questionnaire and whose last session has ended (within
   * INVITE_WITHIN_DAYS), who met the course's attendance rule (R-AFT-5: every session marked and
   * the required share present), not invited yet. The version is the newest published one now.
   */
  async eligibleInvitees(em: EntityManager, now: Date, limit: number): Promise<Invitee[]> {
    const rows: {
      person_id: string;
      group_id: string;
      version_id: string;
      group_code: string;
      course_code: string;
      title_lv: string;
      title_en: string;
      last_starts_at: Date;
      last_ends_at: Date;
    }[] = await em.query(
      `SELECT r.person_id, g.id AS group_id, v.id AS version_id, g.code AS group_code, c.code AS course_code, c.title_lv, c.title_en,
              last.starts_at AS last_starts_at, last.ends_at AS last_ends_at
         FROM course_group g
         JOIN course c ON c.id = g.course_id AND c.questionnaire_id IS NOT NULL
         JOIN LATERAL (SELECT s.starts_at, s.ends_at FROM session s WHERE s.group_id = g.id ORDER BY s.ends_at DESC LIMIT 1) last ON true
         JOIN LATERAL (SELECT qv.id FROM questionnaire_version qv
                        WHERE qv.questionnaire_id = c.questionnaire_id AND qv.published_at IS NOT NULL
                        ORDER BY qv.number DESC LIMIT 1) v ON true
         JOIN registration r ON r.group_id = g.id AND r.status = 'CONFIRMED'
        WHERE g.status <> 'CANCELLED'
          AND last.ends_at <= $1 AND last.ends_at > $1::timestamptz - $2 * interval '1 day'
          AND NOT EXISTS (SELECT 1 FROM questionnaire_invitation i WHERE i.person_id = r.person_id AND i.group_id = g.id)
        ORDER BY last.ends_at, g.id, r.person_id`,
      [now, INVITE_WITHIN_DAYS],
    );
    // The attendance rule, applied here and not in SQL so it stays one rule (AttendanceService). The
    // window of INVITE_WITHIN_DAYS bounds the rows; those who have not met it (or whose sessions are
    // not all marked yet) stay out without holding back the rest.
    const completions = await this.attendance.completions(em, [...new Set(rows.map((row) => row.group_id))]);
    const met = rows.filter((row) => completions.get(row.group_id)?.get(row.person_id)?.met === true).slice(0, limit);
    return met.map((row) => ({
      personId: row.person_id,
      groupId: row.group_id,
      versionId: row.version_id,
      groupCode: row.group_code,
      courseCode: row.course_code,
      titleLv: row.title_lv,
      titleEn: row.title_en,
      lastStartsAt: new Date(row.last_starts_at),
      lastEndsAt: new Date(row.last_ends_at),
    }));
  }

  /** Records the invitations; answers those that were new (a concurrent sweep's are left to it). */
  async invite(em: EntityManager, invitees: Invitee[], now: Date): Promise<Invitee[]> {
    if (invitees.length === 0) return [];
    const inserted: { person_id: string; group_id: string }[] = await em.query(
      `INSERT INTO questionnaire_invitation (person_id, group_id, version_id, invited_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::timestamptz[])
       ON CONFLICT DO NOTHING
       RETURNING person_id, group_id`,
      [invitees.map((i) => i.personId), invitees.map((i) => i.groupId), invitees.map((i) => i.versionId), invitees.map(() => now)],
    );
    const fresh = new Set(inserted.map((row) => `${row.person_id}:${row.group_id}`));
    return invitees.filter((i) => fresh.has(`${i.personId}:${i.groupId}`));
  }

  // --- Participants ------------------------------------------------------------------------

  /** The signed-in person's questionnaires, those to fill first, then the newest. */
  async mine(ctx: RequestContext): Promise<MyQuestionnaire[]> {
    const personId = ctx.viewer?.kind === 'person' ? ctx.viewer.personId : null;
    if (!personId) return [];
    return this.invitations(ctx, personId, null);
  }

  async mineForGroup(ctx: RequestContext, groupId: string): Promise<MyQuestionnaire> {
    const personId = ctx.viewer?.kind === 'person' ? ctx.viewer.personId : null;
    const [found] = personId && isUuid(groupId) ? await this.invitations(ctx, personId, groupId) : [];
    if (!found) throw new NotFoundError('Questionnaire', groupId);
    return found;
  }

  private async invitations(
    ctx: RequestContext,
    personId: string,
    groupId: string | null,
    em: EntityManager = this.dataSource.manager,
  ): Promise<MyQuestionnaire[]> {
    const rows: {
      group_id: string;
      group_code: string;
      course_code: string;
      title_lv: string;
      title_en: string;
      invited_at: Date;
      completed: boolean;
      questions: Question[];
    }[] = await em.query(
      `SELECT i.group_id, g.code AS group_code, c.code AS course_code, c.title_lv, c.title_en, i.invited_at, v.questions,
              EXISTS (SELECT 1 FROM questionnaire_completion qc WHERE qc.person_id = i.person_id AND qc.group_id = i.group_id) AS completed
         FROM questionnaire_invitation i
         JOIN questionnaire_version v ON v.id = i.version_id
         JOIN course_group g ON g.id = i.group_id
         JOIN course c ON c.id = g.course_id
        WHERE i.person_id = $1 AND ($2::uuid IS NULL OR i.group_id = $2)
        ORDER BY completed, i.invited_at DESC, i.group_id
        LIMIT 200`,
      [personId, groupId],
    );
    return rows.map((row) => ({
      groupId: row.group_id,
      groupCode: row.group_code,
      courseCode: row.course_code,
      courseTitle: ctx.lang === Language.EN ? row.title_en || row.title_lv : row.title_lv,
      invitedAt: new Date(row.invited_at),
      completed: row.completed,
      questions: row.questions,
    }));
  }

  /**
   * Files the person's answers for the group: the response (no person, the day only) and the
   * completion (person and group, unique) in one transaction, so exactly one of each survives any
   * number of concurrent submissions. A second submission is ALREADY_EXISTS.
   */
  async submit(ctx: RequestContext, groupId: string, input: AnswerInput[], now: Date = new Date()): Promise<MyQuestionnaire> {
    const personId = ctx.viewer?.kind === 'person' ? ctx.viewer.personId : null;
    if (!personId) throw new ForbiddenError('Questionnaires are filled by people');
    const filled = await inTransaction(this.dataSource, async (em) => {
      const invitation = isUuid(groupId) ? await em.findOneBy(QuestionnaireInvitation, { personId, groupId }) : null;
      if (!invitation) throw new NotFoundError('Questionnaire', groupId);
      if (await em.existsBy(QuestionnaireCompletion, { personId, groupId })) {
        throw new DomainError(ErrorCode.ALREADY_EXISTS, 'This questionnaire has been filled already');
      }
      const version = await em.findOneByOrFail(QuestionnaireVersion, { id: invitation.versionId });
      const answers = checkAnswers(version.questions, input);
      const lecturers: { lecturer_id: string }[] = await em.query(
        `SELECT DISTINCT lecturer_id FROM session WHERE group_id = $1 AND lecturer_id IS NOT NULL ORDER BY lecturer_id`,
        [groupId],
      );
      // The completion first: a concurrent submission waits on its key and then fails, taking its response with it.
      await em.insert(QuestionnaireCompletion, { personId, groupId });
      await em.insert(QuestionnaireResponse, {
        groupId,
        versionId: version.id,
        lecturerIds: lecturers.map((l) => l.lecturer_id),
        submittedOn: RIGA_DAY.format(now),
        answers,
      });
      const [mine] = await this.invitations(ctx, personId, groupId, em);
      return mine;
    });
    for (const listener of this.completedListeners) listener();
    return filled;
  }

  // --- Staff: reports ----------------------------------------------------------------------

  /** Aggregates of one group, course or lecturer (R-AFT-2), per version answered. */
  async report(ctx: RequestContext, filter: QuestionnaireReportFilter): Promise<QuestionnaireReport> {
    this.staffOnly(ctx);
    const given = (['groupId', 'courseId', 'lecturerId'] as const).filter((key) => !!filter[key]);
    if (given.length !== 1) throw new ValidationError([{ field: 'filter', code: 'ONE_OF', message: 'Give exactly one of groupId, courseId, lecturerId' }]);
    const key = given[0];
    const id = filter[key]!;
    if (!isUuid(id)) throw new NotFoundError(key.replace(/Id$/, ''), id);
    const groups =
      key === 'groupId'
        ? `SELECT $1::uuid AS id`
        : key === 'courseId'
          ? `SELECT id FROM course_group WHERE course_id = $1`
          : `SELECT DISTINCT group_id AS id FROM session WHERE lecturer_id = $1`;
    const responseScope = key === 'lecturerId' ? `$1 = ANY(r.lecturer_ids)` : `r.group_id IN (${groups})`;
    const [{ invited }]: { invited: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS invited FROM questionnaire_invitation WHERE group_id IN (${groups})`,
      [id],
    );
    const responses: { version_id: string; answers: Answer[] }[] = await this.dataSource.query(
      `SELECT r.version_id, r.answers FROM questionnaire_response r WHERE ${responseScope} ORDER BY r.id`,
      [id],
    );
    const versionIds = [...new Set(responses.map((r) => r.version_id))];
    const versions = versionIds.length
      ? await this.dataSource
          .getRepository(QuestionnaireVersion)
          .createQueryBuilder('v')
          .where('v.id IN (:...ids)', { ids: versionIds })
          .orderBy('v.published_at', 'DESC')
          .getMany()
      : [];
    const titles = new Map(
      versions.length
        ? (
            await this.dataSource
              .getRepository(Questionnaire)
              .createQueryBuilder('q')
              .where('q.id IN (:...ids)', { ids: [...new Set(versions.map((v) => v.questionnaireId))] })
              .getMany()
          ).map((q) => [q.id, q.title])
        : [],
    );
    return {
      invited,
      responses: responses.length,
      versions: versions.map((version): VersionReport => ({
        questionnaireTitle: titles.get(version.questionnaireId) ?? '',
        version,
        ...aggregate(
          version.questions,
          responses.filter((r) => r.version_id === version.id).map((r) => r.answers),
        ),
      })),
    };
  }
}

/** Per question of one version: counts, mean and distribution, option counts, texts. */
function aggregate(questions: Question[], responses: Answer[][]): { responses: number; questions: QuestionReport[] } {
  return {
    responses: responses.length,
    questions: questions.map((question) => {
      const answers = responses.flatMap((answers) => answers.filter((a) => a.questionId === question.id));
      const scales = answers.map((a) => a.scale).filter((n): n is number => typeof n === 'number');
      const chosen = answers.flatMap((a) => a.optionIds ?? []);
      const texts = answers.map((a) => a.text).filter((t): t is string => !!t);
      const isScale = question.kind === QuestionKind.SCALE;
      return {
        question,
        answered: answers.length,
        average: isScale && scales.length ? Math.round((scales.reduce((sum, n) => sum + n, 0) / scales.length) * 100) / 100 : null,
        distribution: isScale ? [1, 2, 3, 4, 5].map((n) => scales.filter((s) => s === n).length) : [],
        options: question.options.map((option) => ({ option, count: chosen.filter((id) => id === option.id).length })),
        texts,
      };
    }),
  };
}

/** Validates what the editor saved; ids are kept when given, made up when not. */
function checkQuestionnaire(input: QuestionnaireInput): { title: string; questions: Question[] } {
  const problems = new Problems();
  const title = input.title?.trim() ?? '';
  problems.check(title.length >= 1 && title.length <= 200, 'title', title ? 'LENGTH' : 'REQUIRED', 'title must be 1-200 characters');
  const list = input.questions ?? [];
  problems.check(list.length <= MAX_QUESTIONS, 'questions', 'TOO_MANY', `at most ${MAX_QUESTIONS} questions`);
  const ids = new Set<string>();
  const idOf = (given: string | null | undefined, field: string) => {
    const id = given?.trim() || randomUUID();
    problems.check(id.length <= 64 && !ids.has(id), field, 'DUPLICATE_ID', 'ids must be unique and at most 64 characters');
    ids.add(id);
    return id;
  };
  const text = (value: string | null | undefined, field: string, max: number, required: boolean) => {
    const trimmed = value?.trim() ?? '';
    if (required && !trimmed) problems.add(field, 'REQUIRED', `${field} is required`);
    problems.check(trimmed.length <= max, field, 'LENGTH', `${field} must be at most ${max} characters`);
    return trimmed;
  };
  const questions = list.slice(0, MAX_QUESTIONS).map((q: QuestionnaireQuestionInput, index): Question => {
    const at = `questions.${index}`;
    const choice = q.kind === QuestionKind.SINGLE_CHOICE || q.kind === QuestionKind.MULTIPLE_CHOICE;
    const options = q.options ?? [];
    if (choice) problems.check(options.length >= 2 && options.length <= MAX_OPTIONS, `${at}.options`, 'OPTION_COUNT', `2 to ${MAX_OPTIONS} options`);
    else problems.check(options.length === 0, `${at}.options`, 'NO_OPTIONS', 'only choice questions have options');
    return {
      id: idOf(q.id, `${at}.id`),
      kind: q.kind,
      textLv: text(q.textLv, `${at}.textLv`, 1000, true),
      textEn: text(q.textEn, `${at}.textEn`, 1000, false),
      required: !!q.required,
      options: choice
        ? options.slice(0, MAX_OPTIONS).map((o, i) => ({
            id: idOf(o.id, `${at}.options.${i}.id`),
            textLv: text(o.textLv, `${at}.options.${i}.textLv`, 300, true),
            textEn: text(o.textEn, `${at}.options.${i}.textEn`, 300, false),
          }))
        : [],
    };
  });
  problems.throwIfAny();
  return { title, questions };
}

/** The answers against the version's questions; every problem is reported on `answers.<questionId>`. */
export function checkAnswers(questions: Question[], input: AnswerInput[]): Answer[] {
  const problems = new Problems();
  const byQuestion = new Map<string, AnswerInput>();
  for (const answer of input ?? []) {
    if (!questions.some((q) => q.id === answer.questionId) || byQuestion.has(answer.questionId)) {
      problems.add(`answers.${answer.questionId}`, 'UNKNOWN_QUESTION', 'No such question, or answered twice');
      continue;
    }
    byQuestion.set(answer.questionId, answer);
  }
  const answers: Answer[] = [];
  for (const question of questions) {
    const field = `answers.${question.id}`;
    const given = byQuestion.get(question.id);
    const text = given?.text?.trim() ?? '';
    const optionIds = [...new Set(given?.optionIds ?? [])];
    const scale = given?.scale ?? null;
    const empty = question.kind === QuestionKind.SCALE ? scale === null : question.kind === QuestionKind.TEXT ? !text : optionIds.length === 0;
    if (empty) {
      if (question.required) problems.add(field, 'REQUIRED', 'This question must be answered');
      continue;
    }
    switch (question.kind) {
      case QuestionKind.SCALE:
        if (!Number.isInteger(scale) || scale! < 1 || scale! > 5) problems.add(field, 'OUT_OF_RANGE', 'A whole number from 1 to 5');
        else answers.push({ questionId: question.id, scale: scale! });
        break;
      case QuestionKind.TEXT:
        if (text.length > MAX_ANSWER_TEXT) problems.add(field, 'LENGTH', `At most ${MAX_ANSWER_TEXT} characters`);
        else answers.push({ questionId: question.id, text });
        break;
      default:
        if (!optionIds.every((id) => question.options.some((o) => o.id === id))) problems.add(field, 'UNKNOWN_OPTION', 'No such option');
        else if (question.kind === QuestionKind.SINGLE_CHOICE && optionIds.length > 1) problems.add(field, 'ONE_OPTION', 'Choose one option');
        else answers.push({ questionId: question.id, optionIds });
    }
  }
  problems.throwIfAny();
  return answers;
}

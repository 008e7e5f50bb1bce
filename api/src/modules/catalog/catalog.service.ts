import { Brackets, In, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { hasScope, isStaff, type RequestContext } from '../../common/request-context.js';
import { ApiScope } from '../auth/api-token.entity.js';
import { DomainError, ErrorCode, NotFoundError, Problems } from '../../common/errors.js';
import { isUuid, pageWindow, validIds, type Page, type PageArgs, SortOrder } from '../../common/pagination.js';
import { inTransaction } from '../../db/transaction.js';
import { Language } from '../people/person.entity.js';
import { Course, CourseAllowedInstitution, CourseFormat, CourseVisibility, InstructionLanguage } from './course.entity.js';
import { Topic } from './topic.entity.js';
import { CourseSortField, PriceKind, type CourseFilter, type CourseInput, type CourseSort, type TopicFilter, type TopicInput } from './catalog.types.js';
import { courseSearchText, foldedSql, searchTerms } from './search-text.js';
import { CoursePageReader, NOTHING_AHEAD, type CoursePagePlan, type CoursePageRelated } from './course-page.js';
import { UPCOMING_PUBLISHED_GROUP } from './published-groups.js';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/;

export class CatalogService {
  private readonly pages: CoursePageReader;

  /** `options.preparedStatements`: the database is a PostgreSQL server of its own (see preparedQuery). */
  constructor(
    private readonly dataSource: DataSource,
    options: { preparedStatements?: boolean } = {},
  ) {
    this.pages = new CoursePageReader(dataSource, options.preparedStatements ?? false);
  }

  /**
   * The visibility rule of R-CAT-4 as SQL over alias `c`: staff see every course; a coordinator
   * also sees restricted courses allowed to an institution they coordinate; everyone else only public ones.
   * With `own`, a person also sees the restricted courses they are registered in (confirmed or
   * waiting) or teach: in their own views, never in the catalog's list.
   */
  private applyVisibility(ctx: RequestContext, qb: SelectQueryBuilder<Course>, { own = false } = {}): void {
    if (isStaff(ctx.viewer) || hasScope(ctx.viewer, ApiScope.CATALOG_READ)) return;
    const institutionIds = ctx.viewer?.coordinatorInstitutionIds ?? [];
    const personId = own && ctx.viewer?.kind === 'person' && isUuid(ctx.viewer.personId) ? ctx.viewer.personId : null;
    qb.andWhere(
      new Brackets((w) => {
        w.where(`c.visibility = 'PUBLIC'`);
        if (institutionIds.length > 0) {
          w.orWhere(
            `EXISTS (SELECT 1 FROM course_allowed_institution cai
                     WHERE cai.course_id = c.id AND cai.institution_id IN (:...viewerInstitutionIds))`,
            { viewerInstitutionIds: institutionIds },
          );
        }
        if (personId) {
          w.orWhere(
            `EXISTS (SELECT 1 FROM course_group og JOIN registration r ON r.group_id = og.id
                     WHERE og.course_id = c.id AND r.person_id = :viewerPersonId AND r.status IN ('CONFIRMED', 'WAITING'))
             OR EXISTS (SELECT 1 FROM course_group og JOIN session s ON s.group_id = og.id JOIN lecturer l ON l.id = s.lecturer_id
                        WHERE og.course_id = c.id AND l.person_id = :viewerPersonId)`,
            { viewerPersonId: personId },
          );
        }
      }),
    );
  }

  /**
   * A page of the catalog in one statement, with what `plan` reads ahead below the courses
   * (`related`, for the request's loaders).
   */
  async listCourses(
    ctx: RequestContext,
    filter: CourseFilter = {},
    sort?: CourseSort,
    pageArgs?: PageArgs,
    plan: CoursePagePlan = NOTHING_AHEAD,
  ): Promise<Page<Course> & { related: CoursePageRelated }> {
    const problems = new Problems();
    const window = pageWindow(pageArgs ?? { page: 1, perPage: 20 }, problems);
    const listed = () => {
      const qb = this.dataSource.getRepository(Course).createQueryBuilder('c');
      this.applyVisibility(ctx, qb);
      this.applyFilter(qb, filter, problems);
      return qb;
    };
    const qb = listed();
    problems.throwIfAny();

    this.applySort(ctx, qb, sort);
    const [sql, parameters] = qb.select('json_build_array(c.id, count(*) OVER ())').getQueryAndParameters();
    const pageSql = `${sql} LIMIT $${parameters.length + 1} OFFSET $${parameters.length + 2}`;
    const { courses, total, related } = await this.pages.read(pageSql, [...parameters, window.limit, window.offset], plan);
    // No row to carry the count: the page is past the end (or there is nothing at all).
    return { items: courses, total: total ?? (window.offset === 0 ? 0 : await listed().getCount()), related };
  }

  private applyFilter(qb: SelectQueryBuilder<Course>, filter: CourseFilter, problems: Problems): void {
    const terms = filter.q ? searchTerms(filter.q) : [];
    if (filter.q && filter.q.length > 200) problems.add('filter.q', 'TOO_LONG', 'search text must be at most 200 characters');
    terms.forEach((term, i) => qb.andWhere(`c.search_text LIKE :term${i}`, { [`term${i}`]: `%${term}%` }));

    if (filter.topicId !== undefined && filter.topicId !== null) {
      if (!isUuid(filter.topicId)) problems.add('filter.topicId', 'INVALID_ID', 'topicId is not a valid id');
      else qb.andWhere('c.topic_id = :topicId', { topicId: filter.topicId });
    }
    if (validIds(filter.ids, 'filter.ids', problems)) qb.andWhere(filter.ids.length ? 'c.id IN (:...ids)' : 'false', { ids: filter.ids });
    if (filter.month) {
      const match = MONTH.exec(filter.month);
      if (!match) {
        problems.add('filter.month', 'INVALID_MONTH', 'month must look like 2026-03');
      } else {
        const year = Number(match[1]);
        const month = Number(match[2]);
        const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
        qb.andWhere(
          `EXISTS (SELECT 1 FROM course_group g JOIN session s ON s.group_id = g.id
                   WHERE g.course_id = c.id AND g.status IN ('OPEN', 'CONFIRMED')
                     AND s.starts_at >= (CAST(:monthStart AS timestamp) AT TIME ZONE 'Europe/Riga')
                     AND s.starts_at < (CAST(:monthEnd AS timestamp) AT TIME ZONE 'Europe/Riga'))`,
          { monthStart: `${filter.month}-01`, monthEnd: next },
        );
      }
    }
    if (filter.format) qb.andWhere('c.format = :format', { format: filter.format });
    if (filter.language) qb.andWhere('c.language = :language', { language: filter.language });
    if (filter.visibility) qb.andWhere('c.visibility = :visibility', { visibility: filter.visibility });
    if (filter.price === PriceKind.FREE) qb.andWhere('c.price_cents = 0');
    if (filter.price === PriceKind.PAID) qb.andWhere('c.price_cents > 0');
    if (filter.hasDate !== undefined && filter.hasDate !== null) {
      const exists = `EXISTS (SELECT 1 FROM course_group g JOIN session s ON s.group_id = g.id
                              WHERE g.course_id = c.id AND ${UPCOMING_PUBLISHED_GROUP})`;
      qb.andWhere(filter.hasDate ? exists : `NOT ${exists}`);
    }
  }

  private applySort(ctx: RequestContext, qb: SelectQueryBuilder<Course>, sort?: CourseSort): void {
    const order = sort?.order === SortOrder.DESC ? 'DESC' : 'ASC';
    const title = ctx.lang === Language.EN ? `COALESCE(NULLIF(c.title_en, ''), c.title_lv)` : 'c.title_lv';
    switch (sort?.field ?? CourseSortField.TITLE) {
      case CourseSortField.CODE:
        qb.orderBy('c.code', order);
        break;
      case CourseSortField.PRICE:
        qb.orderBy('c.price_cents', order);
        break;
      case CourseSortField.HOURS:
        qb.orderBy('c.hours', order);
        break;
      case CourseSortField.CREATED_AT:
        qb.orderBy('c.created_at', order);
        break;
      case CourseSortField.NEXT_DATE:
        qb.orderBy(
          `(SELECT min(s.starts_at) FROM course_group g JOIN session s ON s.group_id = g.id
            WHERE g.course_id = c.id AND s.starts_at > now() AND ${UPCOMING_PUBLISHED_GROUP})`,
          order,
          'NULLS LAST',
        );
        break;
      default:
        qb.orderBy(title, order);
    }
    qb.addOrderBy('c.id', 'ASC');
  }

  async getCourse(ctx: RequestContext, id: string): Promise<Course> {
    if (!isUuid(id)) throw new NotFoundError('Course', id);
    const qb = this.dataSource.getRepository(Course).createQueryBuilder('c').where('c.id = :id', { id });
    this.applyVisibility(ctx, qb, { own: true });
    const course = await qb.getOne();
    // A course the viewer may not see is reported exactly like one that does not exist.
    if (!course) throw new NotFoundError('Course', id);
    return course;
  }

  /** For loaders: the courses among `ids` that the viewer may see. */
  async visibleCoursesByIds(ctx: RequestContext, ids: readonly string[]): Promise<Course[]> {
    const qb = this.dataSource.getRepository(Course).createQueryBuilder('c').where('c.id IN (:...ids)', { ids });
    this.applyVisibility(ctx, qb, { own: true });
    return qb.getMany();
  }

  topicsByIds(ids: readonly string[]): Promise<Topic[]> {
    return this.dataSource.getRepository(Topic).findBy({ id: In([...ids]) });
  }

  allowedInstitutionsByCourseIds(ids: readonly string[]): Promise<CourseAllowedInstitution[]> {
    return this.dataSource.getRepository(CourseAllowedInstitution).findBy({ courseId: In([...ids]) });
  }

  async listTopics(_ctx: RequestContext, filter: TopicFilter = {}, pageArgs?: PageArgs): Promise<Page<Topic>> {
    const problems = new Problems();
    const window = pageWindow(pageArgs ?? { page: 1, perPage: 100 }, problems);
    const qb = this.dataSource.getRepository(Topic).createQueryBuilder('t');
    searchTerms(filter.q ?? '').forEach((term, i) =>
      qb.andWhere(`(${foldedSql('t.code')} LIKE :t${i} OR ${foldedSql('t.name_lv')} LIKE :t${i} OR ${foldedSql('t.name_en')} LIKE :t${i})`, {
        [`t${i}`]: `%${term}%`,
      }),
    );
    if (validIds(filter.ids, 'filter.ids', problems)) qb.andWhere(filter.ids.length ? 't.id IN (:...ids)' : 'false', { ids: filter.ids });
    problems.throwIfAny();
    const [items, total] = await qb.orderBy('t.sort_order').addOrderBy('t.name_lv').offset(window.offset).limit(window.limit).getManyAndCount();
    return { items, total };
  }

  async getTopic(_ctx: RequestContext, id: string): Promise<Topic> {
    const topic = isUuid(id) ? await this.dataSource.getRepository(Topic).findOneBy({ id }) : null;
    if (!topic) throw new NotFoundError('Topic', id);
    return topic;
  }

  async createTopic(_ctx: RequestContext, input: TopicInput): Promise<Topic> {
    return inTransaction(this.dataSource, async (em) => {
      const topic = em.create(Topic, { sortOrder: 0 });
      await this.assignTopic(em, topic, input, true);
      return em.save(topic);
    });
  }

  async updateTopic(_ctx: RequestContext, id: string, input: Partial<TopicInput>): Promise<Topic> {
    return inTransaction(this.dataSource, async (em) => {
      const topic = isUuid(id) ? await em.findOne(Topic, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!topic) throw new NotFoundError('Topic', id);
      await this.assignTopic(em, topic, input, false);
      return em.save(topic);
    });
  }

  async deleteTopic(_ctx: RequestContext, id: string): Promise<Topic> {
    return inTransaction(this.dataSource, async (em) => {
      const topic = isUuid(id) ? await em.findOne(Topic, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!topic) throw new NotFoundError('Topic', id);
      const courses = await em.countBy(Course, { topicId: id });
      if (courses > 0) throw new DomainError(ErrorCode.IN_USE, `Topic ${topic.code} still has ${courses} courses`, { courses });
      await em.delete(Topic, { id });
      return topic;
    });
  }

  private async assignTopic(em: EntityManager, topic: Topic, input: Partial<TopicInput>, creating: boolean): Promise<void> {
    const problems = new Problems();
    const code = input.code?.trim();
    if (creating || input.code !== undefined) {
      problems.check(!!code && CODE.test(code), 'code', 'INVALID_CODE', 'code must be 2-40 letters, digits, dots, dashes or underscores');
    }
    for (const field of ['nameLv', 'nameEn'] as const) {
      if (creating || input[field] !== undefined) {
        const value = input[field]?.trim() ?? '';
        problems.check(value.length >= 2 && value.length <= 200, field, 'REQUIRED', `${field} must be 2-200 characters`);
      }
    }
    if (input.sortOrder !== undefined && input.sortOrder !== null) {
      problems.check(Number.isInteger(input.sortOrder) && Math.abs(input.sortOrder) <= 10_000, 'sortOrder', 'OUT_OF_RANGE', 'sortOrder must be a whole number');
    }
    problems.throwIfAny();
    if (code && code !== topic.code) {
      const taken = await em.existsBy(Topic, { code });
      if (taken) throw new DomainError(ErrorCode.ALREADY_EXISTS, `Topic code ${code} is taken`, { field: 'code' });
      topic.code = code;
    }
    if (input.nameLv !== undefined) topic.nameLv = input.nameLv.trim();
    if (input.nameEn !== undefined) topic.nameEn = input.nameEn.trim();
    if (input.sortOrder !== undefined && input.sortOrder !== null) topic.sortOrder = input.sortOrder;
  }

  async createCourse(_ctx: RequestContext, input: CourseInput): Promise<Course> {
    return inTransaction(this.dataSource, async (em) => {
      const course = em.create(Course, { visibility: CourseVisibility.PUBLIC });
      const allowed = await this.assignCourse(em, course, input, true);
      const saved = await em.save(course);
      await this.replaceAllowedInstitutions(em, saved.id, allowed ?? []);
      return saved;
    });
  }

  async updateCourse(_ctx: RequestContext, id: string, input: CourseInput): Promise<Course> {
    return inTransaction(this.dataSource, async (em) => {
      const course = isUuid(id) ? await em.findOne(Course, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!course) throw new NotFoundError('Course', id);
      const allowed = await this.assignCourse(em, course, input, false);
      const saved = await em.save(course);
      if (allowed) await this.replaceAllowedInstitutions(em, saved.id, allowed);
      return saved;
    });
  }

  private async replaceAllowedInstitutions(em: EntityManager, courseId: string, institutionIds: string[]): Promise<void> {
    await em.delete(CourseAllowedInstitution, { courseId });
    if (institutionIds.length > 0) {
      await em.insert(
        CourseAllowedInstitution,
        institutionIds.map((institutionId) => ({ courseId, institutionId })),
      );
    }
  }

  /** Validates and copies the input; returns the new allowed institutions when they were given. */
  private async assignCourse(em: EntityManager, course: Course, input: CourseInput, creating: boolean): Promise<string[] | undefined> {
    const problems = new Problems();
    const given = <K extends keyof CourseInput>(key: K) => creating || (input[key] !== undefined && input[key] !== null);
    const text = (
      key: 'titleLv' | 'titleEn' | 'summaryLv' | 'summaryEn' | 'descriptionLv' | 'descriptionEn' | 'targetAudienceLv' | 'targetAudienceEn',
      min: number,
      max: number,
    ) => {
      if (!given(key)) return;
      const value = (input[key] ?? '').trim();
      problems.check(value.length >= min && value.length <= max, key, min > 0 && !value ? 'REQUIRED' : 'LENGTH', `${key} must be ${min}-${max} characters`);
      course[key] = value;
    };

    const code = input.code?.trim();
    if (given('code')) problems.check(!!code && CODE.test(code), 'code', 'INVALID_CODE', 'code must be 2-40 letters, digits, dots, dashes or underscores');
    text('titleLv', 3, 300);
    text('titleEn', 0, 300);
    text('summaryLv', 0, 1000);
    text('summaryEn', 0, 1000);
    text('descriptionLv', 0, 20_000);
    text('descriptionEn', 0, 20_000);
    text('targetAudienceLv', 0, 2000);
    text('targetAudienceEn', 0, 2000);
    if (given('language')) problems.check(Object.values(InstructionLanguage).includes(input.language!), 'language', 'REQUIRED', 'language is required');
    if (given('format')) problems.check(Object.values(CourseFormat).includes(input.format!), 'format', 'REQUIRED', 'format is required');
    if (given('hours')) {
      const hours = input.hours;
      problems.check(
        typeof hours === 'number' && hours > 0 && hours <= 2000 && Math.round(hours * 10) === hours * 10,
        'hours',
        'OUT_OF_RANGE',
        'hours must be more than 0 and at most 2000, in tenths',
      );
    }
    if (given('priceCents')) {
      const price = input.priceCents;
      problems.check(
        typeof price === 'number' && Number.isInteger(price) && price >= 0 && price <= 10_000_000,
        'priceCents',
        'OUT_OF_RANGE',
        'priceCents must be a whole number of cents from 0',
      );
    }
    // Optional even when creating: the column's default (1 day) applies.
    const reminderGiven = input.reminderDaysBefore !== undefined && input.reminderDaysBefore !== null;
    if (reminderGiven) {
      const days = input.reminderDaysBefore;
      problems.check(
        typeof days === 'number' && Number.isInteger(days) && days >= 0 && days <= 14,
        'reminderDaysBefore',
        'OUT_OF_RANGE',
        'reminderDaysBefore must be a whole number from 0 to 14',
      );
    }
    const attendanceGiven = input.minAttendancePercent !== undefined && input.minAttendancePercent !== null;
    if (attendanceGiven) {
      const percent = input.minAttendancePercent;
      problems.check(
        typeof percent === 'number' && Number.isInteger(percent) && percent >= 0 && percent <= 100,
        'minAttendancePercent',
        'OUT_OF_RANGE',
        'minAttendancePercent must be a whole number from 0 to 100',
      );
    }
    const remindersGiven = input.questionnaireReminders !== undefined && input.questionnaireReminders !== null;
    if (remindersGiven) {
      const count = input.questionnaireReminders;
      problems.check(
        typeof count === 'number' && Number.isInteger(count) && count >= 0 && count <= 10,
        'questionnaireReminders',
        'OUT_OF_RANGE',
        'questionnaireReminders must be a whole number from 0 to 10',
      );
    }
    // "" takes the questionnaire away; null or unset leaves it as it is.
    const questionnaireGiven = input.questionnaireId !== undefined && input.questionnaireId !== null;
    const questionnaireId = input.questionnaireId || null;
    if (questionnaireId) {
      const known = isUuid(questionnaireId) && (await em.query(`SELECT 1 FROM questionnaire WHERE id = $1`, [questionnaireId])).length > 0;
      problems.check(known, 'questionnaireId', 'UNKNOWN_QUESTIONNAIRE', 'questionnaireId must name an existing questionnaire');
    }
    if (given('topicId')) {
      const topicId = input.topicId ?? '';
      const known = isUuid(topicId) && (await em.existsBy(Topic, { id: topicId }));
      problems.check(known, 'topicId', 'UNKNOWN_TOPIC', 'topicId must name an existing topic');
    }
    const projectGiven = input.euProjectId !== undefined && input.euProjectId !== null;
    const euProjectId = input.euProjectId || null;
    if (euProjectId) {
      const known = isUuid(euProjectId) && (await em.query(`SELECT 1 FROM eu_project WHERE id = $1`, [euProjectId])).length > 0;
      problems.check(known, 'euProjectId', 'UNKNOWN_PROJECT', 'euProjectId must name an existing EU project');
    }
    let allowed: string[] | undefined;
    if (input.allowedInstitutionIds) {
      allowed = [...new Set(input.allowedInstitutionIds)];
      const valid = allowed.every(isUuid) && allowed.length <= 500;
      const found = valid && allowed.length > 0 ? await em.query(`SELECT count(*)::int AS n FROM institution WHERE id = ANY($1)`, [allowed]) : [{ n: 0 }];
      problems.check(valid && found[0].n === allowed.length, 'allowedInstitutionIds', 'UNKNOWN_INSTITUTION', 'every allowed institution must exist');
    }
    problems.throwIfAny();

    if (code && code !== course.code) {
      if (await em.existsBy(Course, { code })) throw new DomainError(ErrorCode.ALREADY_EXISTS, `Course code ${code} is taken`, { field: 'code' });
      course.code = code;
    }
    if (given('topicId')) course.topicId = input.topicId!;
    if (given('language')) course.language = input.language!;
    if (given('format')) course.format = input.format!;
    if (given('hours')) course.hours = input.hours!;
    if (given('priceCents')) course.priceCents = input.priceCents!;
    if (reminderGiven) course.reminderDaysBefore = input.reminderDaysBefore!;
    if (attendanceGiven) course.minAttendancePercent = input.minAttendancePercent!;
    if (remindersGiven) course.questionnaireReminders = input.questionnaireReminders!;
    if (questionnaireGiven) course.questionnaireId = questionnaireId;
    if (projectGiven) course.euProjectId = euProjectId;
    if (input.visibility) course.visibility = input.visibility;
    course.searchText = courseSearchText(course);
    return allowed;
  }
}

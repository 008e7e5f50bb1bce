import { In, type DataSource, type EntityManager } from 'typeorm';
import { DomainError, ErrorCode, ForbiddenError, NotFoundError, Problems } from '../../common/errors.js';
import { isUuid, pageWindow, validIds, type Page, type PageArgs } from '../../common/pagination.js';
import { isStaff, type RequestContext } from '../../common/request-context.js';
import { inTransaction } from '../../db/transaction.js';
import type { AttendanceService } from '../attendance/attendance.service.js';
import type { PeopleService } from '../people/people.service.js';
import { buildReport, type ReportGroup } from './eu-report.js';
import { reportCsv, reportFileName, reportXlsx } from './report-files.js';
import { AgeBand, EducationLevel, EmploymentStatus, EuFund, EuProject, Gender, RegistrationIndicatorData } from './project.entity.js';
import type { EuProjectFilter, EuProjectInput, EuProjectReport, IndicatorDataInput } from './projects.types.js';

const CODE = /^[\p{L}\d][\p{L}\d./+_ -]{0,99}$/u;
const INDICATOR_CODE = /^[A-Za-z\d._-]{1,30}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const NAME_MAX = 300;
const MAX_INDICATORS = 50;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ReportFile {
  bytes: Buffer;
  fileName: string;
  contentType: string;
}

/** A real calendar day written YYYY-MM-DD. */
export function isDay(value: string | null | undefined): value is string {
  if (!value || !DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Today's date in Riga, YYYY-MM-DD. */
const rigaToday = (now: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga' }).format(now);

/** The ESF+ age band on `today` (YYYY-MM-DD) of someone born on `born`. */
export function ageBandOn(born: { year: number; month: number; day: number }, today: string): AgeBand {
  const [year, month, day] = today.split('-').map(Number);
  const age = year - born.year - (month < born.month || (month === born.month && day < born.day) ? 1 : 0);
  return age < 30 ? AgeBand.UNDER_30 : age < 55 ? AgeBand.FROM_30_TO_54 : AgeBand.FROM_55;
}

/**
 * EU-funded projects (R-FIN-2): staff keep the projects; a registration into a project group keeps
 * the participant's ESF+ indicator answers as a snapshot; the report counts groups of a project.
 */
export class ProjectsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly attendance: AttendanceService,
    private readonly people: PeopleService,
  ) {}

  async list(ctx: RequestContext, filter: EuProjectFilter = {}, pageArgs?: PageArgs): Promise<Page<EuProject>> {
    if (!isStaff(ctx.viewer)) throw new ForbiddenError();
    const problems = new Problems();
    const window = pageWindow(pageArgs ?? { page: 1, perPage: 50 }, problems);
    const qb = this.dataSource.getRepository(EuProject).createQueryBuilder('p');
    const q = filter.q?.trim();
    if (q && q.length > 200) problems.add('filter.q', 'TOO_LONG', 'search text must be at most 200 characters');
    if (q) qb.andWhere(`(p.code ILIKE :q OR p.name_lv ILIKE :q OR p.name_en ILIKE :q)`, { q: `%${q.replace(/[\\%_]/g, '\\$&')}%` });
    if (validIds(filter.ids, 'filter.ids', problems)) qb.andWhere(filter.ids.length ? 'p.id IN (:...ids)' : 'false', { ids: filter.ids });
    problems.throwIfAny();
    const [items, total] = await qb.orderBy('p.starts_on', 'DESC').addOrderBy('p.code').offset(window.offset).limit(window.limit).getManyAndCount();
    return { items, total };
  }

  async get(ctx: RequestContext, id: string): Promise<EuProject> {
    if (!isStaff(ctx.viewer)) throw new ForbiddenError();
    const project = isUuid(id) ? await this.dataSource.getRepository(EuProject).findOneBy({ id }) : null;
    if (!project) throw new NotFoundError('EuProject', id);
    return project;
  }

  async create(ctx: RequestContext, input: EuProjectInput): Promise<EuProject> {
    if (!isStaff(ctx.viewer)) throw new ForbiddenError();
    return inTransaction(this.dataSource, async (em) => {
      const project = em.create(EuProject, { nameEn: '', indicators: [] });
      await this.assign(em, project, input, true);
      return em.save(project);
    });
  }

  async update(ctx: RequestContext, id: string, input: EuProjectInput): Promise<EuProject> {
    if (!isStaff(ctx.viewer)) throw new ForbiddenError();
    return inTransaction(this.dataSource, async (em) => {
      const project = isUuid(id) ? await em.findOne(EuProject, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!project) throw new NotFoundError('EuProject', id);
      await this.assign(em, project, input, false);
      return em.save(project);
    });
  }

  /** Projects by id, for loaders: anyone who sees a group may see its project's public description. */
  projectsByIds(ids: readonly string[]): Promise<EuProject[]> {
    return this.dataSource.getRepository(EuProject).findBy({ id: In(ids.filter(isUuid)) });
  }

  /** Each group's project: its own, or else its course's. Groups without one are left out. */
  async projectIdsOfGroups(groupIds: readonly string[], em: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    const rows: { id: string; project_id: string }[] = await em.query(
      `SELECT g.id, coalesce(g.eu_project_id, c.eu_project_id) AS project_id
         FROM course_group g JOIN course c ON c.id = g.course_id
        WHERE g.id = ANY($1::uuid[]) AND coalesce(g.eu_project_id, c.eu_project_id) IS NOT NULL`,
      [groupIds.filter(isUuid)],
    );
    return new Map(rows.map((row) => [row.id, row.project_id]));
  }

  /**
   * Inside a self-registration's transaction: for a project group the answers must come with consent,
   * and they are kept. (A coordinator's registration keeps none: the person answers later in the
   * portal, and until then the report counts them as without data.)
   */
  async recordAtRegistration(
    em: EntityManager,
    groupId: string,
    registration: { id: string; personId: string },
    input: IndicatorDataInput | null | undefined,
  ): Promise<void> {
    if (!(await this.projectIdsOfGroups([groupId], em)).has(groupId)) return;
    await this.store(em, registration, input);
  }

  /** The owner of a registration in a project group gives the answers it lacks (coordinator registrations). */
  async submitIndicatorData(ctx: RequestContext, registrationId: string, input: IndicatorDataInput): Promise<RegistrationIndicatorData> {
    const personId = ctx.viewer?.personId;
    if (!personId) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in first');
    return inTransaction(this.dataSource, async (em) => {
      const [registration]: { id: string; person_id: string; group_id: string; status: string }[] = isUuid(registrationId)
        ? await em.query(`SELECT id, person_id, group_id, status FROM registration WHERE id = $1 FOR UPDATE`, [registrationId])
        : [];
      // Someone else's registration is not told apart from a missing one.
      if (!registration || registration.person_id !== personId) throw new NotFoundError('Registration', registrationId);
      const problems = new Problems();
      problems.check(['CONFIRMED', 'WAITING'].includes(registration.status), 'registrationId', 'NOT_ACTIVE', 'The registration is cancelled');
      problems.check(
        (await this.projectIdsOfGroups([registration.group_id], em)).has(registration.group_id),
        'registrationId',
        'NOT_IN_PROJECT',
        'The group is not part of an EU-funded project',
      );
      problems.throwIfAny();
      if (await em.existsBy(RegistrationIndicatorData, { registrationId })) {
        throw new DomainError(ErrorCode.ALREADY_EXISTS, 'The answers were given already and are kept as given', { field: 'registrationId' });
      }
      return this.store(em, { id: registration.id, personId: registration.person_id }, input);
    });
  }

  /** Whether the signed-in person's personal code tells their age: else the portal asks for the age band. */
  async ageKnownFromPersonalCode(ctx: RequestContext): Promise<boolean> {
    const personId = ctx.viewer?.personId;
    if (!personId) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in first');
    return (await this.people.birthDate(this.dataSource.manager, personId)) !== null;
  }

  /** Snapshots by registration id, for loaders; the caller has checked that the viewer may see them. */
  indicatorDataByRegistrationIds(ids: readonly string[]): Promise<RegistrationIndicatorData[]> {
    return this.dataSource.getRepository(RegistrationIndicatorData).findBy({ registrationId: In(ids.filter(isUuid)) });
  }

  /** Registration ids (of those given) in a project group, active, and without answers yet. */
  async missingIndicatorData(ids: readonly string[]): Promise<Set<string>> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT r.id FROM registration r JOIN course_group g ON g.id = r.group_id JOIN course c ON c.id = g.course_id
        WHERE r.id = ANY($1::uuid[]) AND r.status IN ('CONFIRMED', 'WAITING') AND coalesce(g.eu_project_id, c.eu_project_id) IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM registration_indicator_data d WHERE d.registration_id = r.id)`,
      [ids.filter(isUuid)],
    );
    return new Set(rows.map((row) => row.id));
  }

  /**
   * The project's groups whose first session falls in [from, to] (Riga days), each counted in full:
   * ESF+ output indicators count a participant when they enter, and a group's numbers stay whole.
   */
  async report(ctx: RequestContext, projectId: string, from: string, to: string): Promise<EuProjectReport> {
    if (!isStaff(ctx.viewer)) throw new ForbiddenError();
    const problems = new Problems();
    problems.check(isDay(from), 'from', 'INVALID_DATE', 'from must be a date YYYY-MM-DD');
    problems.check(isDay(to), 'to', 'INVALID_DATE', 'to must be a date YYYY-MM-DD');
    if (isDay(from) && isDay(to)) problems.check(from <= to, 'to', 'BEFORE_FROM', 'to must not be before from');
    problems.throwIfAny();
    return inTransaction(this.dataSource, async (em) => {
      const project = isUuid(projectId) ? await em.findOneBy(EuProject, { id: projectId }) : null;
      if (!project) throw new NotFoundError('EuProject', projectId);
      const groups: {
        id: string;
        code: string;
        course_code: string;
        course_title: string;
        starts_on: string;
        ends_on: string;
        planned_minutes: number;
      }[] = await em.query(
        `SELECT g.id, g.code, c.code AS course_code, c.title_lv AS course_title,
                to_char(min(s.starts_at) AT TIME ZONE 'Europe/Riga', 'YYYY-MM-DD') AS starts_on,
                to_char(max(s.ends_at) AT TIME ZONE 'Europe/Riga', 'YYYY-MM-DD') AS ends_on,
                round(sum(extract(epoch FROM s.ends_at - s.starts_at)) / 60)::int AS planned_minutes
           FROM course_group g JOIN course c ON c.id = g.course_id JOIN session s ON s.group_id = g.id
          WHERE coalesce(g.eu_project_id, c.eu_project_id) = $1 AND g.status <> 'CANCELLED'
          GROUP BY g.id, c.id
         HAVING (min(s.starts_at) AT TIME ZONE 'Europe/Riga')::date BETWEEN $2::date AND $3::date
          ORDER BY min(s.starts_at), g.code`,
        [projectId, from, to],
      );
      const groupIds = groups.map((g) => g.id);
      const participants: { group_id: string; person_id: string; registration_id: string }[] = groupIds.length
        ? await em.query(`SELECT group_id, person_id, id AS registration_id FROM registration WHERE group_id = ANY($1::uuid[]) AND status = 'CONFIRMED'`, [
            groupIds,
          ])
        : [];
      const answers = participants.length ? await em.findBy(RegistrationIndicatorData, { registrationId: In(participants.map((p) => p.registration_id)) }) : [];
      const answersOf = new Map(answers.map((a) => [a.registrationId, a]));
      const completions = await this.attendance.completions(em, groupIds);
      const reportGroups: ReportGroup[] = groups.map((g) => ({
        groupId: g.id,
        groupCode: g.code,
        courseCode: g.course_code,
        courseTitle: g.course_title,
        startsOn: g.starts_on,
        endsOn: g.ends_on,
        plannedHours: Number(g.planned_minutes) / 60,
        participants: participants
          .filter((p) => p.group_id === g.id)
          .map((p) => {
            const completion = completions.get(g.id)?.get(p.person_id);
            return { attendedHours: completion?.attendedHours ?? 0, completed: completion?.met === true, answers: answersOf.get(p.registration_id) ?? null };
          }),
      }));
      return buildReport(project, from, to, reportGroups);
    });
  }

  /** The report as a file to download: XLSX (two sheets) or CSV (the group rows). */
  async reportFile(ctx: RequestContext, projectId: string, from: string, to: string, kind: 'xlsx' | 'csv'): Promise<ReportFile> {
    const report = await this.report(ctx, projectId, from, to);
    return kind === 'xlsx'
      ? { bytes: await reportXlsx(report), fileName: reportFileName(report, kind), contentType: XLSX_TYPE }
      : { bytes: reportCsv(report), fileName: reportFileName(report, kind), contentType: 'text/csv; charset=utf-8' };
  }

  private async store(em: EntityManager, registration: { id: string; personId: string }, input: IndicatorDataInput | null | undefined) {
    const problems = new Problems();
    problems.check(!!input, 'indicatorData', 'REQUIRED', 'This group is part of an EU-funded project: the indicator questions must be answered');
    problems.throwIfAny();
    const given = input!;
    problems.check(given.consent === true, 'indicatorData.consent', 'REQUIRED', 'Consent is required to take part in a project group');
    const oneOf = (field: keyof IndicatorDataInput, values: object) => {
      const value = given[field];
      problems.check(value == null || Object.values(values).includes(value), `indicatorData.${field}`, 'INVALID', `${field} is not one of the choices`);
    };
    oneOf('gender', Gender);
    oneOf('ageBand', AgeBand);
    oneOf('employmentStatus', EmploymentStatus);
    oneOf('educationLevel', EducationLevel);
    problems.throwIfAny();
    const born = await this.people.birthDate(em, registration.personId);
    const now = new Date();
    return em.save(
      em.create(RegistrationIndicatorData, {
        registrationId: registration.id,
        consentAt: now,
        gender: given.gender ?? null,
        // The code's birth date wins over an answer: it is what the person's identity says.
        ageBand: born ? ageBandOn(born, rigaToday(now)) : (given.ageBand ?? null),
        employmentStatus: given.employmentStatus ?? null,
        educationLevel: given.educationLevel ?? null,
        disability: given.disability ?? null,
        thirdCountryNational: given.thirdCountryNational ?? null,
        foreignBackground: given.foreignBackground ?? null,
        minority: given.minority ?? null,
        homeless: given.homeless ?? null,
        rural: given.rural ?? null,
      }),
    );
  }

  private async assign(em: EntityManager, project: EuProject, input: EuProjectInput, creating: boolean): Promise<void> {
    const problems = new Problems();
    const given = (field: keyof EuProjectInput) => creating || (input[field] !== undefined && input[field] !== null);
    const code = input.code?.trim();
    if (given('code')) problems.check(!!code && CODE.test(code), 'code', 'INVALID_CODE', 'code must be 1-100 letters, digits, spaces or . / + _ -');
    const nameLv = input.nameLv?.trim();
    if (given('nameLv')) {
      problems.check(!!nameLv, 'nameLv', 'REQUIRED', 'The name is required');
      problems.check((nameLv ?? '').length <= NAME_MAX, 'nameLv', 'TOO_LONG', `At most ${NAME_MAX} characters`);
    }
    problems.check((input.nameEn?.trim() ?? '').length <= NAME_MAX, 'nameEn', 'TOO_LONG', `At most ${NAME_MAX} characters`);
    if (given('fund')) problems.check(Object.values(EuFund).includes(input.fund!), 'fund', 'REQUIRED', 'fund is required');
    if (given('startsOn')) problems.check(isDay(input.startsOn), 'startsOn', 'INVALID_DATE', 'startsOn must be a date YYYY-MM-DD');
    if (given('endsOn')) problems.check(isDay(input.endsOn), 'endsOn', 'INVALID_DATE', 'endsOn must be a date YYYY-MM-DD');
    const startsOn = input.startsOn ?? project.startsOn;
    const endsOn = input.endsOn ?? project.endsOn;
    if (isDay(startsOn) && isDay(endsOn)) problems.check(startsOn <= endsOn, 'endsOn', 'BEFORE_START', 'endsOn must not be before startsOn');
    const indicators = input.indicators;
    if (indicators) {
      problems.check(indicators.length <= MAX_INDICATORS, 'indicators', 'TOO_MANY', `At most ${MAX_INDICATORS} indicators`);
      const seen = new Set<string>();
      indicators.forEach((indicator, i) => {
        const indicatorCode = indicator.code?.trim() ?? '';
        problems.check(INDICATOR_CODE.test(indicatorCode), `indicators.${i}.code`, 'INVALID_CODE', 'An indicator code is 1-30 letters, digits, . _ -');
        problems.check(!seen.has(indicatorCode), `indicators.${i}.code`, 'DUPLICATE', 'The code is listed twice');
        seen.add(indicatorCode);
        const name = indicator.nameLv?.trim() ?? '';
        problems.check(name.length > 0 && name.length <= NAME_MAX, `indicators.${i}.nameLv`, 'REQUIRED', 'The name is required');
        problems.check(
          Number.isInteger(indicator.target) && indicator.target >= 0 && indicator.target <= 10_000_000,
          `indicators.${i}.target`,
          'OUT_OF_RANGE',
          'The target is a whole number from 0',
        );
      });
    }
    problems.throwIfAny();
    if (code && code !== project.code) {
      if (await em.existsBy(EuProject, { code })) throw new DomainError(ErrorCode.ALREADY_EXISTS, `Project code ${code} is taken`, { field: 'code' });
      project.code = code;
    }
    if (nameLv) project.nameLv = nameLv;
    if (input.nameEn != null) project.nameEn = input.nameEn.trim();
    if (input.fund) project.fund = input.fund;
    if (input.startsOn) project.startsOn = input.startsOn;
    if (input.endsOn) project.endsOn = input.endsOn;
    if (indicators) {
      project.indicators = indicators.map((i) => ({ code: i.code.trim(), nameLv: i.nameLv.trim(), nameEn: i.nameEn?.trim() ?? '', target: i.target }));
    }
  }
}

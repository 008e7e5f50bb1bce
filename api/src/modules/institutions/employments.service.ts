import { Brackets, In, IsNull, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { isStaff, type RequestContext } from '../../common/request-context.js';
import { DomainError, ErrorCode, ForbiddenError, NotFoundError, Problems } from '../../common/errors.js';
import { isUuid, pageWindow, SortOrder, validIds, type Page, type PageArgs } from '../../common/pagination.js';
import { inTransaction } from '../../db/transaction.js';
import { foldedSql, searchTerms } from '../catalog/search-text.js';
import { checkEmail, cleanText, EMAIL } from '../people/contact-rules.js';
import type { NamedPerson, PeopleService } from '../people/people.service.js';
import { Person } from '../people/person.entity.js';
import { maskPersonalCode, normalizePersonalCode, personalCodeProblem, type PersonalCodeProblem } from '../people/personal-code.js';
import { Employment, EmploymentSource, Institution } from './institution.entity.js';
import { employeeScope, readsEmployees, requireManages } from './institution-access.js';
import { actingPersonId } from './institutions.service.js';
import {
  EmploymentSortField,
  ImportRefusal,
  ImportRowStatus,
  type EmployeeImportReport,
  type EmployeeImportRow,
  type EmployeeInput,
  type EmploymentFilter,
  type EmploymentSort,
} from './institutions.types.js';
import { checkNamedPerson, cleanName, MAX_NAME_LENGTH, nameMismatch } from './named-person.js';
import { retryOnConflict } from './retry-on-conflict.js';
import { parseRoster, type Roster, type RosterRow } from './roster-csv.js';

const MAX_POSITION = 200;
/** Clocks of browsers and servers differ a little; an end "now" must not count as in the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

const SEARCHABLE = foldedSql(`p.given_name || ' ' || p.family_name || ' ' || coalesce(e.position, '') || ' ' || coalesce(e.work_email, '')`);

const IMPORT_CODE_REFUSALS: Record<PersonalCodeProblem, ImportRefusal> = {
  REQUIRED: ImportRefusal.PERSONAL_CODE_MISSING,
  FORMAT: ImportRefusal.PERSONAL_CODE_FORMAT,
  DATE: ImportRefusal.PERSONAL_CODE_DATE,
  CHECK_DIGIT: ImportRefusal.PERSONAL_CODE_CHECK_DIGIT,
};

/** One roster row on its way through an import: what the file says and what it will do. */
interface PlannedRow {
  report: EmployeeImportRow;
  named: NamedPerson;
  position: string | null;
  workEmail: string | null;
  /** Who has this code now, if anyone. */
  person: Person | null;
  existing: Employment | null;
}

export type EmploymentQueryArgs = { filter?: EmploymentFilter; sort?: EmploymentSort; page: number; perPage: number };

/** Employments: who works where, added one by one or from a roster, ended but never deleted (R-ID-5). */
export class EmploymentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PeopleService,
  ) {}

  // Reading

  /**
   * The employments the viewer may read (staff: all; a coordinator: their institutions; an API token
   * with EMPLOYEES_READ: its institution). Naming another institution in the filter is FORBIDDEN.
   */
  async listEmployments(ctx: RequestContext, filter: EmploymentFilter = {}, sort?: EmploymentSort, pageArgs?: PageArgs): Promise<Page<Employment>> {
    const problems = new Problems();
    const window = pageWindow(pageArgs ?? { page: 1, perPage: 20 }, problems);
    let institutionIds = employeeScope(ctx.viewer);
    if (filter.institutionId != null) {
      if (!isUuid(filter.institutionId)) problems.add('filter.institutionId', 'INVALID_ID', 'institutionId is not a valid id');
      else if (!readsEmployees(ctx.viewer, filter.institutionId)) throw new ForbiddenError('You may not read the employees of this institution');
      else institutionIds = [filter.institutionId];
    }
    const qb = await this.filteredQuery(filter, institutionIds, problems);
    problems.throwIfAny();
    this.sortQuery(qb, sort);
    const [items, total] = await qb.offset(window.offset).limit(window.limit).getManyAndCount();
    return { items, total };
  }

  /**
   * One page of employees for each institution, with the same arguments for all: the query behind
   * `Institution.employees`, so a list of institutions with their employees costs three statements.
   * Institutions whose employees the viewer may not read get an empty page.
   */
  async employmentPagesByInstitutionIds(
    ctx: RequestContext,
    institutionIds: readonly string[],
    args: EmploymentQueryArgs,
  ): Promise<Map<string, Page<Employment>>> {
    const problems = new Problems();
    const window = pageWindow(args, problems);
    const readable = institutionIds.filter((id) => readsEmployees(ctx.viewer, id));
    const filter = { ...args.filter, institutionId: undefined };
    const ranked = await this.filteredQuery(filter, readable, problems);
    problems.throwIfAny();
    const pages = new Map<string, Page<Employment>>(institutionIds.map((id) => [id, { items: [], total: 0 }]));
    if (readable.length === 0) return pages;

    const counts = await ranked
      .clone()
      .select('e.institution_id', 'institution_id')
      .addSelect('count(*)::int', 'total')
      .groupBy('e.institution_id')
      .getRawMany<{ institution_id: string; total: number }>();
    for (const row of counts) pages.get(row.institution_id)!.total = row.total;

    const [order, direction] = this.orderOf(args.sort);
    ranked.select('e.id', 'id').addSelect(`row_number() OVER (PARTITION BY e.institution_id ORDER BY ${order} ${direction}, e.id)`, 'rn');
    const [sql, parameters] = ranked.getQueryAndParameters();
    const n = parameters.length;
    const rows: { id: string; rn: string }[] = await this.dataSource.query(`SELECT id, rn FROM (${sql}) ranked WHERE rn > $${n + 1} AND rn <= $${n + 2}`, [
      ...parameters,
      window.offset,
      window.offset + window.limit,
    ]);
    if (rows.length === 0) return pages;
    const rank = new Map(rows.map((row) => [row.id, Number(row.rn)]));
    const items = await this.dataSource.getRepository(Employment).findBy({ id: In([...rank.keys()]) });
    items.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
    for (const item of items) pages.get(item.institutionId)!.items.push(item);
    return pages;
  }

  /** Employments of these persons the viewer may see: their own, staff all, a coordinator those at their institutions. */
  async visibleEmploymentsByPersonIds(ctx: RequestContext, personIds: readonly string[]): Promise<Employment[]> {
    const viewer = ctx.viewer;
    const qb = this.dataSource.getRepository(Employment).createQueryBuilder('e').where('e.person_id IN (:...personIds)', { personIds });
    const scope = employeeScope(viewer);
    if (scope !== null) {
      const me = viewer?.kind === 'person' ? viewer.personId : null;
      if (scope.length === 0 && !me) return [];
      qb.andWhere(
        new Brackets((or) => {
          or.where(scope.length ? 'e.institution_id IN (:...scope)' : 'false', { scope });
          if (me) or.orWhere('e.person_id = :me', { me });
        }),
      );
    }
    // Current ones first, then the most recent.
    return qb.orderBy('e.ended_at IS NULL', 'DESC').addOrderBy('e.started_at', 'DESC').addOrderBy('e.id').getMany();
  }

  private async filteredQuery(filter: EmploymentFilter, institutionIds: readonly string[] | null, problems: Problems): Promise<SelectQueryBuilder<Employment>> {
    const qb = this.dataSource.getRepository(Employment).createQueryBuilder('e').innerJoin(Person, 'p', 'p.id = e.person_id');
    if (institutionIds !== null) qb.andWhere(institutionIds.length ? 'e.institution_id IN (:...institutionIds)' : 'false', { institutionIds });
    if (filter.current === true) qb.andWhere('e.ended_at IS NULL');
    if (filter.current === false) qb.andWhere('e.ended_at IS NOT NULL');
    if (validIds(filter.ids, 'filter.ids', problems)) qb.andWhere(filter.ids.length ? 'e.id IN (:...ids)' : 'false', { ids: filter.ids });
    const q = filter.q?.trim() ?? '';
    problems.check(q.length <= 200, 'filter.q', 'TOO_LONG', 'q must be at most 200 characters');
    // A whole personal code finds its person (by blind index); anything else searches the words.
    const code = personalCodeProblem(q) === null ? normalizePersonalCode(q) : null;
    if (code) {
      const person = await this.people.findByPersonalCode(this.dataSource.manager, code);
      qb.andWhere(person ? 'e.person_id = :codePerson' : 'false', { codePerson: person?.id });
    } else {
      searchTerms(q).forEach((term, i) => qb.andWhere(`${SEARCHABLE} LIKE :q${i}`, { [`q${i}`]: `%${term}%` }));
    }
    return qb;
  }

  private orderOf(sort?: EmploymentSort): [string, 'ASC' | 'DESC'] {
    const direction = sort?.order === SortOrder.DESC ? 'DESC' : 'ASC';
    switch (sort?.field ?? EmploymentSortField.NAME) {
      case EmploymentSortField.STARTED_AT:
        return ['e.started_at', direction];
      case EmploymentSortField.ENDED_AT:
        return [`e.ended_at ${direction} NULLS FIRST, e.started_at`, direction];
      default:
        return [`p.family_name ${direction}, p.given_name`, direction];
    }
  }

  private sortQuery(qb: SelectQueryBuilder<Employment>, sort?: EmploymentSort): void {
    const [order, direction] = this.orderOf(sort);
    qb.orderBy(`${order} ${direction}, e.id`);
  }

  // Changing

  /** Staff and the institution's coordinators. Who is found by code; a new person is created (R-ID-1 later binds them). */
  async addEmployee(ctx: RequestContext, institutionId: string, input: EmployeeInput): Promise<Employment> {
    requireManages(ctx.viewer, institutionId);
    const problems = new Problems();
    const named = checkNamedPerson(input, problems);
    const position = cleanText(input.position ?? null, 'position', problems, MAX_POSITION);
    const workEmail = checkEmail(input.workEmail ?? null, 'workEmail', problems);
    problems.throwIfAny();
    return retryOnConflict(() =>
      inTransaction(this.dataSource, async (em) => {
        await this.lockInstitution(em, institutionId);
        const known = await this.people.findByPersonalCode(em, named.personalCode);
        if (nameMismatch(known, named)) {
          problems.add('givenName', 'NAME_MISMATCH', 'This personal code belongs to a person with another name');
          problems.add('familyName', 'NAME_MISMATCH', 'This personal code belongs to a person with another name');
          problems.throwIfAny();
        }
        if (known && (await em.existsBy(Employment, { personId: known.id, institutionId, endedAt: IsNull() }))) {
          throw new DomainError(ErrorCode.ALREADY_EXISTS, 'This person is already an employee of the institution', { field: 'personalCode' });
        }
        const { person } = await this.people.findOrCreateNamed(em, named);
        const source = isStaff(ctx.viewer) ? EmploymentSource.STAFF : EmploymentSource.COORDINATOR;
        return em.save(
          em.create(Employment, {
            personId: person.id,
            institutionId,
            position,
            workEmail,
            source,
            addedBy: actingPersonId(ctx),
            endedAt: null,
            endedBy: null,
          }),
        );
      }),
    );
  }

  /** Staff and the institution's coordinators; the employment stays as history. `endedAt` defaults to now. */
  endEmployment(ctx: RequestContext, employmentId: string, endedAt?: Date | null): Promise<Employment> {
    return inTransaction(this.dataSource, async (em) => {
      const employment = await this.lockedEmployment(em, employmentId);
      requireManages(ctx.viewer, employment.institutionId);
      return this.end(ctx, em, employment, endedAt ?? new Date());
    });
  }

  /** "I no longer work here" (R-ID-5): only the employee; their account and history stay. */
  endMyEmployment(ctx: RequestContext, employmentId: string): Promise<Employment> {
    return inTransaction(this.dataSource, async (em) => {
      const employment = await this.lockedEmployment(em, employmentId);
      if (ctx.viewer?.kind !== 'person' || employment.personId !== ctx.viewer.personId) throw new ForbiddenError('This is not your employment');
      return this.end(ctx, em, employment, new Date());
    });
  }

  private async lockedEmployment(em: EntityManager, id: string): Promise<Employment> {
    const employment = isUuid(id) ? await em.findOne(Employment, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!employment) throw new NotFoundError('Employment', id);
    return employment;
  }

  private async end(ctx: RequestContext, em: EntityManager, employment: Employment, endedAt: Date): Promise<Employment> {
    const problems = new Problems();
    problems.check(employment.endedAt === null, 'employmentId', 'ALREADY_ENDED', 'This employment has already ended');
    if (Number.isNaN(endedAt.getTime())) problems.add('endedAt', 'INVALID_DATE', 'endedAt is not a date');
    else {
      problems.check(endedAt.getTime() <= Date.now() + CLOCK_SKEW_MS, 'endedAt', 'IN_THE_FUTURE', 'endedAt must not be in the future');
      problems.check(endedAt >= employment.startedAt, 'endedAt', 'END_BEFORE_START', 'endedAt must not be before the employment started');
    }
    problems.throwIfAny();
    employment.endedAt = endedAt;
    employment.endedBy = actingPersonId(ctx);
    return em.save(employment);
  }

  /**
   * Serializes changes to one institution's employees (adds and imports), so that of two requests
   * adding the same person, the second sees the first's row. NO KEY UPDATE leaves foreign-key
   * checks of other tables (which take KEY SHARE) unblocked.
   */
  private async lockInstitution(em: EntityManager, institutionId: string): Promise<void> {
    const found = isUuid(institutionId) ? await em.query(`SELECT id FROM institution WHERE id = $1 FOR NO KEY UPDATE`, [institutionId]) : [];
    if (found.length === 0) throw new NotFoundError('Institution', institutionId);
  }

  // Roster import

  /**
   * A CSV roster: each good row adds the person as an employee or updates their position and work
   * e-mail; refused rows say why. Good rows go in one transaction; a dry run writes nothing and
   * reports what the import would do. Nobody is ended by being absent from the file.
   */
  async importEmployees(ctx: RequestContext, institutionId: string, csv: string, dryRun: boolean): Promise<EmployeeImportReport> {
    requireManages(ctx.viewer, institutionId);
    const problems = new Problems();
    const roster = parseRoster(csv, problems);
    problems.throwIfAny();
    if (dryRun) {
      const em = this.dataSource.manager;
      if (!isUuid(institutionId) || !(await em.existsBy(Institution, { id: institutionId }))) throw new NotFoundError('Institution', institutionId);
      return this.report(await this.planImport(em, institutionId, roster!), true);
    }
    return retryOnConflict(() =>
      inTransaction(this.dataSource, async (em) => {
        await this.lockInstitution(em, institutionId);
        const plan = await this.planImport(em, institutionId, roster!);
        await this.applyImport(ctx, em, institutionId, plan);
        return this.report(plan, false);
      }),
    );
  }

  private async planImport(em: EntityManager, institutionId: string, roster: Roster): Promise<PlannedRow[]> {
    const firstLine = new Map<string, number>();
    const planned = roster.rows.map((row) => this.checkRow(row, firstLine));
    const good = planned.filter((row) => row.report.reasons.length === 0);

    const persons = await this.people.findByPersonalCodes(
      em,
      good.map((row) => row.named.personalCode),
    );
    const lineOfPerson = new Map<string, number>();
    for (const row of good) {
      const person = persons.get(row.named.personalCode) ?? null;
      row.person = person;
      if (nameMismatch(person, row.named)) row.report.reasons.push(ImportRefusal.NAME_MISMATCH);
      // A person's current and earlier codes in one file are the same person twice.
      const earlier = person ? lineOfPerson.get(person.id) : undefined;
      if (earlier !== undefined) {
        row.report.reasons.push(ImportRefusal.DUPLICATE_ROW);
        row.report.duplicateOfLine = earlier;
      } else if (person) lineOfPerson.set(person.id, row.report.line);
    }
    const personIds = [...persons.values()].map((p) => p.id);
    const current = personIds.length ? await em.findBy(Employment, { institutionId, personId: In(personIds), endedAt: IsNull() }) : [];
    const currentByPerson = new Map(current.map((employment) => [employment.personId, employment]));

    for (const row of planned) {
      if (row.report.reasons.length > 0) {
        row.report.status = ImportRowStatus.REFUSED;
        continue;
      }
      const person = row.person;
      row.existing = person ? (currentByPerson.get(person.id) ?? null) : null;
      if (!person || !row.existing) {
        row.report.status = ImportRowStatus.ADDED;
        continue;
      }
      const changed: string[] = [];
      // A name is corrected only until the person signs in; then the identity provider's name holds.
      if (!person.lastSignInAt && person.givenName !== row.named.givenName) changed.push('givenName');
      if (!person.lastSignInAt && person.familyName !== row.named.familyName) changed.push('familyName');
      // An empty cell leaves what is stored: HR exports often lack a value rather than clear it.
      if (row.position && row.position !== row.existing.position) changed.push('position');
      if (row.workEmail && row.workEmail !== row.existing.workEmail) changed.push('workEmail');
      row.report.changedFields = changed;
      row.report.status = changed.length ? ImportRowStatus.UPDATED : ImportRowStatus.UNCHANGED;
    }
    return planned;
  }

  /** The rules of one row that need no database; `firstLine` remembers codes seen earlier in the file. */
  private checkRow(row: RosterRow, firstLine: Map<string, number>): PlannedRow {
    const report: EmployeeImportRow = {
      line: row.line,
      status: ImportRowStatus.REFUSED,
      name: null,
      personalCodeMasked: null,
      reasons: [],
      duplicateOfLine: null,
      changedFields: [],
    };
    const named: NamedPerson = { personalCode: '', givenName: '', familyName: '' };
    const planned: PlannedRow = { report, named, position: null, workEmail: null, person: null, existing: null };
    if (row.wrongColumnCount) {
      report.reasons.push(ImportRefusal.WRONG_COLUMN_COUNT);
      return planned;
    }
    const { values } = row;
    named.givenName = cleanName(values.givenName);
    named.familyName = cleanName(values.familyName);
    report.name = `${named.givenName} ${named.familyName}`.trim() || null;

    const codeProblem = personalCodeProblem(values.personalCode);
    const code = normalizePersonalCode(values.personalCode ?? '');
    if (code) report.personalCodeMasked = maskPersonalCode(code);
    if (codeProblem) report.reasons.push(IMPORT_CODE_REFUSALS[codeProblem]);
    else {
      named.personalCode = code!;
      const earlier = firstLine.get(code!);
      if (earlier !== undefined) {
        report.reasons.push(ImportRefusal.DUPLICATE_ROW);
        report.duplicateOfLine = earlier;
      } else firstLine.set(code!, row.line);
    }
    if (!named.givenName || !named.familyName) report.reasons.push(ImportRefusal.NAME_MISSING);
    const position = cleanName(values.position);
    const workEmail = (values.workEmail ?? '').trim().toLowerCase();
    if (named.givenName.length > MAX_NAME_LENGTH || named.familyName.length > MAX_NAME_LENGTH || position.length > MAX_POSITION) {
      report.reasons.push(ImportRefusal.TOO_LONG);
    }
    if (workEmail && !(EMAIL.test(workEmail) && workEmail.length <= 254)) report.reasons.push(ImportRefusal.INVALID_EMAIL);
    planned.position = position || null;
    planned.workEmail = workEmail || null;
    return planned;
  }

  private async applyImport(ctx: RequestContext, em: EntityManager, institutionId: string, plan: PlannedRow[]): Promise<void> {
    const employ = (row: PlannedRow, personId: string): Partial<Employment> => ({
      personId,
      institutionId,
      position: row.position,
      workEmail: row.workEmail,
      source: EmploymentSource.IMPORT,
      addedBy: actingPersonId(ctx),
      endedAt: null,
      endedBy: null,
    });
    const additions: Partial<Employment>[] = [];
    const newcomers = plan.filter((row) => row.report.status === ImportRowStatus.ADDED && !row.person);
    const created = await this.people.createNamed(
      em,
      newcomers.map((row) => row.named),
    );
    newcomers.forEach((row, i) => additions.push(employ(row, created[i].id)));
    for (const row of plan) {
      const { status, changedFields } = row.report;
      if (status === ImportRowStatus.ADDED && row.person) {
        // Known but not employed here: findOrCreateNamed also corrects the name of someone not yet signed in.
        const { person } = await this.people.findOrCreateNamed(em, row.named);
        additions.push(employ(row, person.id));
      } else if (status === ImportRowStatus.UPDATED) {
        if (changedFields.includes('givenName') || changedFields.includes('familyName')) await this.people.findOrCreateNamed(em, row.named);
        const update: Partial<Employment> = {};
        if (changedFields.includes('position')) update.position = row.position;
        if (changedFields.includes('workEmail')) update.workEmail = row.workEmail;
        if (Object.keys(update).length) await em.update(Employment, { id: row.existing!.id }, update);
      }
    }
    // In slices: one statement per row would be slow, one for 5,000 rows too many parameters.
    for (let i = 0; i < additions.length; i += 500) await em.insert(Employment, additions.slice(i, i + 500));
  }

  private report(plan: PlannedRow[], dryRun: boolean): EmployeeImportReport {
    const rows = plan.map((row) => row.report);
    const count = (status: ImportRowStatus) => rows.filter((row) => row.status === status).length;
    return {
      dryRun,
      added: count(ImportRowStatus.ADDED),
      updated: count(ImportRowStatus.UPDATED),
      unchanged: count(ImportRowStatus.UNCHANGED),
      refused: count(ImportRowStatus.REFUSED),
      rows,
    };
  }
}

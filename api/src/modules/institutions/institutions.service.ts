import { checkPostalAddress } from '../../common/postal-address.js';
import { In, IsNull, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { isStaff, type RequestContext } from '../../common/request-context.js';
import { DomainError, ErrorCode, NotFoundError, Problems } from '../../common/errors.js';
import { isUuid, pageWindow, validIds, type Page, type PageArgs } from '../../common/pagination.js';
import { inTransaction } from '../../db/transaction.js';
import { foldedSql, searchTerms } from '../catalog/search-text.js';
import { checkEmail, checkRegistrationNumber, checkVatNumber, cleanText } from '../people/contact-rules.js';
import type { PeopleService } from '../people/people.service.js';
import type { Person } from '../people/person.entity.js';
import { isValidIban, normalizeIban } from './iban.js';
import { BillingAccount, Employment, Institution, InstitutionCoordinator } from './institution.entity.js';
import { managesInstitution, requireManages } from './institution-access.js';
import type { BillingAccountFilter, BillingAccountInput, InstitutionFilter, InstitutionInput } from './institutions.types.js';
import { checkNamedPerson, nameMismatch } from './named-person.js';
import { retryOnConflict } from './retry-on-conflict.js';
import { checkBuyerReference, checkEinvoiceAddress } from './einvoice-address.js';

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/;

/** The person acting, for the audit columns (appointed_by, added_by); null for the system itself. */
export const actingPersonId = (ctx: RequestContext): string | null =>
  ctx.viewer?.kind === 'person' && isUuid(ctx.viewer.personId) ? ctx.viewer.personId : null;

export class InstitutionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PeopleService,
  ) {}

  /** Staff see every institution; a coordinator only the ones they coordinate. */
  async listInstitutions(ctx: RequestContext, filter: InstitutionFilter = {}, pageArgs?: PageArgs): Promise<Page<Institution>> {
    const problems = new Problems();
    const window = pageWindow(pageArgs ?? { page: 1, perPage: 100 }, problems);
    const qb = this.dataSource.getRepository(Institution).createQueryBuilder('i');
    if (!isStaff(ctx.viewer)) {
      const own = ctx.viewer?.coordinatorInstitutionIds ?? [];
      qb.andWhere(own.length ? 'i.id IN (:...own)' : 'false', { own });
    }
    searchTerms(filter.q ?? '').forEach((term, n) =>
      qb.andWhere(`(${foldedSql('i.name')} LIKE :q${n} OR ${foldedSql('i.code')} LIKE :q${n} OR i.registration_number LIKE :q${n})`, {
        [`q${n}`]: `%${term}%`,
      }),
    );
    if (validIds(filter.ids, 'filter.ids', problems)) qb.andWhere(filter.ids.length ? 'i.id IN (:...ids)' : 'false', { ids: filter.ids });
    problems.throwIfAny();
    const [items, total] = await qb.orderBy('i.name').offset(window.offset).limit(window.limit).getManyAndCount();
    return { items, total };
  }

  async getInstitution(ctx: RequestContext, id: string): Promise<Institution> {
    requireManages(ctx.viewer, id);
    const institution = isUuid(id) ? await this.dataSource.getRepository(Institution).findOneBy({ id }) : null;
    if (!institution) throw new NotFoundError('Institution', id);
    return institution;
  }

  institutionsByIds(ids: readonly string[]): Promise<Institution[]> {
    return this.dataSource.getRepository(Institution).findBy({ id: In([...ids]) });
  }

  async coordinatedInstitutionIds(personId: string): Promise<string[]> {
    const rows = await this.dataSource.getRepository(InstitutionCoordinator).findBy({ personId });
    return rows.map((row) => row.institutionId);
  }

  /**
   * `SELECT person_id` of the current employees of these institutions, for another module to use as
   * a subquery (`x.person_id IN (...)`) with `getQuery()` and `getParameters()`.
   */
  currentEmployeePersonIdsQuery(institutionIds: readonly string[]): SelectQueryBuilder<Employment> {
    const qb = this.dataSource.getRepository(Employment).createQueryBuilder('current_employment').select('current_employment.person_id');
    qb.where('current_employment.ended_at IS NULL');
    return institutionIds.length
      ? qb.andWhere('current_employment.institution_id IN (:...currentEmployerIds)', { currentEmployerIds: [...institutionIds] })
      : qb.andWhere('false');
  }

  // Institutions (staff)

  createInstitution(_ctx: RequestContext, input: InstitutionInput): Promise<Institution> {
    return inTransaction(this.dataSource, async (em) => {
      const institution = em.create(Institution, { vatNumber: null, legalAddress: null, invoiceEmail: null });
      await this.assignInstitution(em, institution, input, true);
      return em.save(institution);
    });
  }

  updateInstitution(_ctx: RequestContext, id: string, input: InstitutionInput): Promise<Institution> {
    return inTransaction(this.dataSource, async (em) => {
      const institution = isUuid(id) ? await em.findOneBy(Institution, { id }) : null;
      if (!institution) throw new NotFoundError('Institution', id);
      await this.assignInstitution(em, institution, input, false);
      return em.save(institution);
    });
  }

  private async assignInstitution(em: EntityManager, institution: Institution, input: InstitutionInput, creating: boolean): Promise<void> {
    const problems = new Problems();
    const given = (key: keyof InstitutionInput) => creating || input[key] !== undefined;
    const code = input.code?.trim() ?? '';
    if (given('code')) problems.check(CODE.test(code), 'code', 'INVALID_CODE', 'code must be 2-40 letters, digits, dots, dashes or underscores');
    const name = cleanText(input.name ?? null, 'name', problems, 200);
    if (given('name')) problems.check(!!name, 'name', 'REQUIRED', 'name is required');
    const registrationNumber = given('registrationNumber')
      ? checkRegistrationNumber(input.registrationNumber ?? null, 'registrationNumber', problems, { required: true })
      : null;
    const vatNumber = checkVatNumber(input.vatNumber ?? null, 'vatNumber', problems);
    const legalAddress = checkPostalAddress(input.legalAddress ?? null, 'legalAddress', problems);
    const invoiceEmail = checkEmail(input.invoiceEmail ?? null, 'invoiceEmail', problems);
    const einvoice = checkEinvoiceAddress(input.einvoiceScheme, input.einvoiceEndpoint, problems);
    const buyerReference = checkBuyerReference(input.buyerReference, problems);
    problems.throwIfAny();

    if (given('code') && code !== institution.code) {
      if (await em.existsBy(Institution, { code })) throw new DomainError(ErrorCode.ALREADY_EXISTS, `Institution code ${code} is taken`, { field: 'code' });
      institution.code = code;
    }
    if (registrationNumber && registrationNumber !== institution.registrationNumber) {
      if (await em.existsBy(Institution, { registrationNumber })) {
        throw new DomainError(ErrorCode.ALREADY_EXISTS, `Registration number ${registrationNumber} belongs to another institution`, {
          field: 'registrationNumber',
        });
      }
      institution.registrationNumber = registrationNumber;
    }
    if (name) institution.name = name;
    if (given('vatNumber')) institution.vatNumber = vatNumber;
    if (given('legalAddress')) institution.legalAddress = legalAddress;
    if (given('invoiceEmail')) institution.invoiceEmail = invoiceEmail;
    if (einvoice) {
      institution.einvoiceScheme = einvoice.scheme;
      institution.einvoiceEndpoint = einvoice.endpoint;
    } else if (creating) {
      institution.einvoiceScheme = null;
      institution.einvoiceEndpoint = null;
    }
    if (given('buyerReference')) institution.buyerReference = buyerReference;
  }

  // Billing accounts (staff and the institution's coordinators)

  async listBillingAccounts(ctx: RequestContext, filter: BillingAccountFilter = {}, pageArgs?: PageArgs): Promise<Page<BillingAccount>> {
    const problems = new Problems();
    const window = pageWindow(pageArgs ?? { page: 1, perPage: 100 }, problems);
    const qb = this.dataSource.getRepository(BillingAccount).createQueryBuilder('b');
    if (!isStaff(ctx.viewer)) {
      const own = ctx.viewer?.coordinatorInstitutionIds ?? [];
      qb.andWhere(own.length ? 'b.institution_id IN (:...own)' : 'false', { own });
    }
    if (filter.institutionId != null) {
      if (!isUuid(filter.institutionId)) problems.add('filter.institutionId', 'INVALID_ID', 'institutionId is not a valid id');
      else {
        requireManages(ctx.viewer, filter.institutionId);
        qb.andWhere('b.institution_id = :institutionId', { institutionId: filter.institutionId });
      }
    }
    if (!filter.includeArchived) qb.andWhere('b.archived_at IS NULL');
    if (validIds(filter.ids, 'filter.ids', problems)) qb.andWhere(filter.ids.length ? 'b.id IN (:...ids)' : 'false', { ids: filter.ids });
    problems.throwIfAny();
    const [items, total] = await qb.orderBy('b.name').addOrderBy('b.id').offset(window.offset).limit(window.limit).getManyAndCount();
    return { items, total };
  }

  async createBillingAccount(ctx: RequestContext, institutionId: string, input: BillingAccountInput): Promise<BillingAccount> {
    requireManages(ctx.viewer, institutionId);
    return inTransaction(this.dataSource, async (em) => {
      if (!isUuid(institutionId) || !(await em.existsBy(Institution, { id: institutionId }))) throw new NotFoundError('Institution', institutionId);
      const account = em.create(BillingAccount, { institutionId, invoiceEmail: null, archivedAt: null });
      await this.assignBillingAccount(em, account, input, true);
      return em.save(account);
    });
  }

  updateBillingAccount(ctx: RequestContext, id: string, input: BillingAccountInput): Promise<BillingAccount> {
    return inTransaction(this.dataSource, async (em) => {
      const account = await this.managedBillingAccount(ctx, em, id);
      await this.assignBillingAccount(em, account, input, false);
      return em.save(account);
    });
  }

  /** Archived accounts stay for the invoices that name them, but employees can no longer choose them. */
  setBillingAccountArchived(ctx: RequestContext, id: string, archived: boolean): Promise<BillingAccount> {
    return inTransaction(this.dataSource, async (em) => {
      const account = await this.managedBillingAccount(ctx, em, id);
      if (archived !== (account.archivedAt !== null)) account.archivedAt = archived ? new Date() : null;
      return em.save(account);
    });
  }

  private async managedBillingAccount(ctx: RequestContext, em: EntityManager, id: string): Promise<BillingAccount> {
    const account = isUuid(id) ? await em.findOneBy(BillingAccount, { id }) : null;
    if (!account) throw new NotFoundError('BillingAccount', id);
    requireManages(ctx.viewer, account.institutionId);
    return account;
  }

  private async assignBillingAccount(em: EntityManager, account: BillingAccount, input: BillingAccountInput, creating: boolean): Promise<void> {
    const problems = new Problems();
    const given = (key: keyof BillingAccountInput) => creating || input[key] !== undefined;
    const name = cleanText(input.name ?? null, 'name', problems, 200);
    if (given('name')) problems.check(!!name, 'name', 'REQUIRED', 'name is required');
    const number = normalizeIban(input.number ?? '');
    if (given('number')) {
      if (!number) problems.add('number', 'REQUIRED', 'number is required');
      else problems.check(isValidIban(number), 'number', 'INVALID_IBAN', 'number is not a valid IBAN');
    }
    const invoiceEmail = checkEmail(input.invoiceEmail ?? null, 'invoiceEmail', problems);
    const buyerReference = checkBuyerReference(input.buyerReference, problems);
    problems.throwIfAny();

    if (given('number') && number !== account.number) {
      if (await em.existsBy(BillingAccount, { institutionId: account.institutionId, number })) {
        throw new DomainError(ErrorCode.ALREADY_EXISTS, 'The institution already has an account with this number', { field: 'number' });
      }
      account.number = number;
    }
    if (name) account.name = name;
    if (given('invoiceEmail')) account.invoiceEmail = invoiceEmail;
    if (given('buyerReference')) account.buyerReference = buyerReference;
  }

  /**
   * The accounts of these institutions the viewer may see: staff and coordinators every one (archived
   * too), a current employee the active ones (to choose one when registering, R-ID-4), others none.
   */
  async visibleBillingAccountsByInstitutionIds(ctx: RequestContext, institutionIds: readonly string[]): Promise<BillingAccount[]> {
    const viewer = ctx.viewer;
    const qb = this.dataSource.getRepository(BillingAccount).createQueryBuilder('b').where('b.institution_id IN (:...institutionIds)', { institutionIds });
    if (!isStaff(viewer)) {
      const managed = institutionIds.filter((id) => managesInstitution(viewer, id));
      const employed = viewer?.kind === 'person' ? await this.currentEmployerIds(viewer.personId, institutionIds) : [];
      if (managed.length === 0 && employed.length === 0) return [];
      qb.andWhere(
        `(${managed.length ? 'b.institution_id IN (:...managed)' : 'false'} OR (${employed.length ? 'b.institution_id IN (:...employed)' : 'false'} AND b.archived_at IS NULL))`,
        { managed, employed },
      );
    }
    return qb.orderBy('b.name').addOrderBy('b.id').getMany();
  }

  private async currentEmployerIds(personId: string, institutionIds: readonly string[]): Promise<string[]> {
    const rows = await this.dataSource.getRepository(Employment).findBy({ personId, institutionId: In([...institutionIds]), endedAt: IsNull() });
    return rows.map((row) => row.institutionId);
  }

  // Coordinators (staff)

  /** The person need not have signed in yet: they are found by code or created, and coordinate from their next request on. */
  async appointCoordinator(
    ctx: RequestContext,
    institutionId: string,
    input: { personalCode: string; givenName: string; familyName: string },
  ): Promise<Person> {
    const problems = new Problems();
    const named = checkNamedPerson(input, problems);
    problems.throwIfAny();
    return retryOnConflict(() =>
      inTransaction(this.dataSource, async (em) => {
        if (!isUuid(institutionId) || !(await em.existsBy(Institution, { id: institutionId }))) throw new NotFoundError('Institution', institutionId);
        if (nameMismatch(await this.people.findByPersonalCode(em, named.personalCode), named)) {
          problems.add('givenName', 'NAME_MISMATCH', 'This personal code belongs to a person with another name');
          problems.add('familyName', 'NAME_MISMATCH', 'This personal code belongs to a person with another name');
          problems.throwIfAny();
        }
        const { person } = await this.people.findOrCreateNamed(em, named);
        if (await em.existsBy(InstitutionCoordinator, { institutionId, personId: person.id })) {
          throw new DomainError(ErrorCode.ALREADY_EXISTS, 'This person already coordinates the institution', { field: 'personalCode' });
        }
        await em.insert(InstitutionCoordinator, { institutionId, personId: person.id, appointedBy: actingPersonId(ctx) });
        return person;
      }),
    );
  }

  async removeCoordinator(ctx: RequestContext, institutionId: string, personId: string): Promise<Person> {
    if (!isUuid(institutionId) || !isUuid(personId)) throw new NotFoundError('InstitutionCoordinator', `${institutionId}/${personId}`);
    const result = await this.dataSource.getRepository(InstitutionCoordinator).delete({ institutionId, personId });
    if (!result.affected) throw new NotFoundError('InstitutionCoordinator', `${institutionId}/${personId}`);
    return this.people.getPerson(ctx, personId);
  }

  /** Appointments of these institutions, oldest first: staff see all, a coordinator those of their own institutions, others none. */
  async visibleCoordinatorsByInstitutionIds(ctx: RequestContext, institutionIds: readonly string[]): Promise<InstitutionCoordinator[]> {
    const visible = institutionIds.filter((id) => managesInstitution(ctx.viewer, id));
    if (visible.length === 0) return [];
    return this.dataSource
      .getRepository(InstitutionCoordinator)
      .find({ where: { institutionId: In(visible) }, order: { appointedAt: 'ASC', personId: 'ASC' } });
  }
}

import type { DataSource, EntityManager } from 'typeorm';
import { isStaff, type RequestContext } from '../../common/request-context.js';
import { DomainError, ErrorCode, ForbiddenError, NotFoundError, Problems, ValidationError } from '../../common/errors.js';
import { isUuid, pageWindow, type Page, type PageArgs } from '../../common/pagination.js';
import { inTransaction } from '../../db/transaction.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { checkRegistrationNumber, cleanText } from '../people/contact-rules.js';
import { Person } from '../people/person.entity.js';
import { CoordinatorNomination, NominationStatus } from './coordinator-nomination.entity.js';
import { Institution, InstitutionCoordinator } from './institution.entity.js';
import type { NominationNotices } from './nomination-notices.js';
import type { NominationFilter, NominationInput } from './nominations.types.js';

/**
 * Coordinator nominations (R-ID-7): a signed-in person asks to coordinate an institution; staff
 * approve, which appoints them (from their next request on), or refuse with a reason. Both sides
 * are told by e-mail through the outbox, in the same transaction as the change.
 */
export class NominationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly notices: NominationNotices,
  ) {}

  async request(ctx: RequestContext, input: NominationInput): Promise<CoordinatorNomination> {
    const personId = ctx.viewer?.kind === 'person' ? ctx.viewer.personId : null;
    if (!personId) throw new ForbiddenError('Only a signed-in person asks to become a coordinator');
    const problems = new Problems();
    const registrationNumber = checkRegistrationNumber(input.registrationNumber, 'registrationNumber', problems, { required: true });
    const institutionName = required(cleanText(input.institutionName, 'institutionName', problems, 300), 'institutionName', problems);
    const position = required(cleanText(input.position, 'position', problems, 200), 'position', problems);
    const note = cleanText(input.note ?? null, 'note', problems, 1000);
    problems.throwIfAny();
    return this.changing(async (em) => {
      const person = await em.findOneByOrFail(Person, { id: personId });
      // Staff must be able to answer: the decision is sent by e-mail.
      if (!person.email) throw new DomainError(ErrorCode.PROFILE_INCOMPLETE, 'Add your e-mail address to your profile first', { missing: ['email'] });
      const institution = await em.findOneBy(Institution, { registrationNumber: registrationNumber! });
      if (institution && (await em.existsBy(InstitutionCoordinator, { institutionId: institution.id, personId }))) {
        throw new ValidationError([{ field: 'registrationNumber', code: 'ALREADY_COORDINATOR', message: 'You already coordinate this institution' }]);
      }
      // The unique index stops two requests at once (ALREADY_EXISTS); this says it in words first.
      if (await em.existsBy(CoordinatorNomination, { personId, registrationNumber: registrationNumber!, status: NominationStatus.PENDING })) {
        throw new ValidationError([
          { field: 'registrationNumber', code: 'ALREADY_REQUESTED', message: 'Your request for this institution is already waiting for a decision' },
        ]);
      }
      const nomination = await em.save(
        em.create(CoordinatorNomination, {
          personId,
          registrationNumber: registrationNumber!,
          institutionName: institutionName!,
          position: position!,
          note,
          status: NominationStatus.PENDING,
          decisionNote: null,
          decidedAt: null,
          decidedById: null,
          institutionId: null,
        }),
      );
      return { result: nomination, emails: await this.notices.received(em, nomination, !!institution) };
    });
  }

  async withdraw(ctx: RequestContext, id: string): Promise<CoordinatorNomination> {
    return this.changing(async (em) => {
      const nomination = await this.lock(em, id);
      if (nomination.personId !== ctx.viewer?.personId) throw new NotFoundError('CoordinatorNomination', id);
      assertPending(nomination);
      nomination.status = NominationStatus.WITHDRAWN;
      nomination.decidedAt = new Date();
      return { result: await em.save(nomination), emails: [] };
    });
  }

  /** Staff: the person becomes a coordinator of the institution with the registration number given. */
  async approve(ctx: RequestContext, id: string, note: string | null | undefined): Promise<CoordinatorNomination> {
    const problems = new Problems();
    const words = cleanText(note ?? null, 'note', problems, 1000);
    problems.throwIfAny();
    return this.changing(async (em) => {
      const nomination = await this.lock(em, id);
      assertPending(nomination);
      const institution = await em.findOneBy(Institution, { registrationNumber: nomination.registrationNumber });
      if (!institution) {
        throw new ValidationError([
          { field: 'registrationNumber', code: 'UNKNOWN_INSTITUTION', message: 'No institution has this registration number: create it first' },
        ]);
      }
      await em
        .createQueryBuilder()
        .insert()
        .into(InstitutionCoordinator)
        .values({ institutionId: institution.id, personId: nomination.personId, appointedBy: ctx.viewer?.personId ?? null })
        .orIgnore()
        .execute();
      Object.assign(nomination, {
        status: NominationStatus.APPROVED,
        decisionNote: words,
        decidedAt: new Date(),
        decidedById: ctx.viewer?.personId ?? null,
        institutionId: institution.id,
      });
      const saved = await em.save(nomination);
      return { result: saved, emails: await this.notices.decided(em, saved, institution.name) };
    });
  }

  /** Staff refuse, saying why (the person is told). */
  async refuse(ctx: RequestContext, id: string, reason: string): Promise<CoordinatorNomination> {
    const problems = new Problems();
    const words = required(cleanText(reason, 'reason', problems, 1000), 'reason', problems);
    problems.throwIfAny();
    return this.changing(async (em) => {
      const nomination = await this.lock(em, id);
      assertPending(nomination);
      Object.assign(nomination, { status: NominationStatus.REFUSED, decisionNote: words, decidedAt: new Date(), decidedById: ctx.viewer?.personId ?? null });
      const saved = await em.save(nomination);
      return { result: saved, emails: await this.notices.decided(em, saved, saved.institutionName) };
    });
  }

  /** The signed-in person's own requests, newest first. */
  async mine(ctx: RequestContext): Promise<CoordinatorNomination[]> {
    const personId = ctx.viewer?.kind === 'person' ? ctx.viewer.personId : null;
    if (!personId) return [];
    return this.dataSource.getRepository(CoordinatorNomination).find({ where: { personId }, order: { createdAt: 'DESC', id: 'ASC' }, take: 100 });
  }

  /** Staff: requests, oldest pending first when filtered by status, else newest first. */
  async list(ctx: RequestContext, filter: NominationFilter = {}, pageArgs?: PageArgs): Promise<Page<CoordinatorNomination>> {
    if (!isStaff(ctx.viewer)) throw new ForbiddenError();
    const problems = new Problems();
    const window = pageWindow(pageArgs ?? { page: 1, perPage: 20 }, problems);
    problems.throwIfAny();
    const qb = this.dataSource.getRepository(CoordinatorNomination).createQueryBuilder('n');
    if (filter.status) qb.andWhere('n.status = :status', { status: filter.status });
    qb.orderBy('n.created_at', filter.status === NominationStatus.PENDING ? 'ASC' : 'DESC').addOrderBy('n.id');
    const [items, total] = await qb.offset(window.offset).limit(window.limit).getManyAndCount();
    return { items, total };
  }

  /** Whether the registration number names an institution in the system, per nomination. */
  async knownInstitutionIdsByRegistrationNumbers(numbers: readonly string[]): Promise<Map<string, string>> {
    const rows: { id: string; registration_number: string }[] = await this.dataSource.query(
      `SELECT id, registration_number FROM institution WHERE registration_number = ANY($1)`,
      [numbers],
    );
    return new Map(rows.map((row) => [row.registration_number, row.id]));
  }

  private async changing(work: (em: EntityManager) => Promise<{ result: CoordinatorNomination; emails: Awaited<ReturnType<NominationNotices['received']>> }>) {
    const result = await inTransaction(this.dataSource, async (em) => {
      const done = await work(em);
      await this.notifications.enqueue(em, done.emails);
      return done.result;
    });
    this.notifications.queued();
    return result;
  }

  private async lock(em: EntityManager, id: string): Promise<CoordinatorNomination> {
    const nomination = isUuid(id)
      ? await em.getRepository(CoordinatorNomination).createQueryBuilder('n').setLock('pessimistic_write').where('n.id = :id', { id }).getOne()
      : null;
    if (!nomination) throw new NotFoundError('CoordinatorNomination', id);
    return nomination;
  }
}

function required(value: string | null, field: string, problems: Problems): string | null {
  if (!value) problems.add(field, 'REQUIRED', `${field} is required`);
  return value;
}

function assertPending(nomination: CoordinatorNomination): void {
  if (nomination.status !== NominationStatus.PENDING) {
    throw new ValidationError([{ field: 'id', code: 'NOT_PENDING', message: `This request was already ${nomination.status.toLowerCase()}` }]);
  }
}

import { isCompleteAddress } from '../../common/postal-address.js';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { hasScope, isStaff, type RequestContext } from '../../common/request-context.js';
import { DomainError, ErrorCode, ForbiddenError, NotFoundError, Problems, ValidationError } from '../../common/errors.js';
import { isUuid, pageWindow, type Page, type PageArgs } from '../../common/pagination.js';
import { inTransaction } from '../../db/transaction.js';
import { ApiScope } from '../auth/api-token.entity.js';
import { InstitutionsService } from '../institutions/institutions.service.js';
import { Person } from '../people/person.entity.js';
import {
  ACTIVE_STATUSES,
  PayerKind,
  Registration,
  RegistrationSource,
  RegistrationStatus,
  SCHEDULE_EXPECTING_STATUSES,
  SEAT_HOLDING_STATUSES,
  type PayerSnapshot,
} from './registration.entity.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { SeatsAnnouncer } from '../scheduling/schedule-events.js';
import { RegistrationNotices, type RegistrationEvent } from './registration-notices.js';
import {
  RegistrationOrder,
  type CancelRegistrationInput,
  type EmployeeRegistrationInput,
  type RegisterInput,
  type RegistrationFilter,
} from './registration.types.js';

/**
 * Confirms a group that reached its minimum size (scheduling owns group status and its e-mails).
 * Set after construction: scheduling depends on this service for seat counts.
 */
export interface GroupConfirmer {
  confirmGroupAtMinimum(em: EntityManager, ctx: RequestContext, groupId: string): Promise<() => void>;
}

/**
 * Keeps the ESF+ indicator answers of a registration into an EU project group (reporting owns them),
 * in the registration's transaction; refuses a self-registration without them. A coordinator's
 * registration keeps none: the person answers later in the portal. Set after construction.
 */
export interface IndicatorRecorder {
  recordAtRegistration(
    em: EntityManager,
    groupId: string,
    registration: { id: string; personId: string },
    input: RegisterInput['indicatorData'],
  ): Promise<void>;
}

/** A group as registration sees it, read under its row lock. */
interface LockedGroup {
  id: string;
  status: string;
  maxSize: number;
  registrationDeadline: Date | null;
  priceCents: number;
  restricted: boolean;
  allowedInstitutionIds: string[];
}

/** Who pays for one registration, already checked. */
interface Payer {
  kind: PayerKind;
  billingAccountId: string | null;
  snapshot: PayerSnapshot | null;
}

const OPEN_STATUSES = ['OPEN', 'CONFIRMED'];

/**
 * Registration rules (R-REG): a place in a group for a person, CONFIRMED while seats last and then
 * WAITING in strict order; cancelling a seat moves the first waiting person up. Every change takes
 * the group's row lock first, so concurrent registrations and cancellations count seats one at a time.
 */
export class RegistrationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly institutions: InstitutionsService,
    private readonly notifications: NotificationsService,
    private readonly notices: RegistrationNotices,
    /** Open course pages hear of the new seat counts. */
    private readonly seats: SeatsAnnouncer | null = null,
  ) {}

  private groupConfirmer: GroupConfirmer | null = null;

  confirmGroupsWith(confirmer: GroupConfirmer): void {
    this.groupConfirmer = confirmer;
  }

  private indicatorRecorder: IndicatorRecorder | null = null;

  recordIndicatorsWith(recorder: IndicatorRecorder): void {
    this.indicatorRecorder = recorder;
  }

  /**
   * Runs a registration change, writes its e-mails and confirms a group that reached its minimum
   * size, all in one transaction; delivery and live updates start after the commit.
   */
  private async changing<T>(ctx: RequestContext, work: (em: EntityManager, told: RegistrationEvent[]) => Promise<{ result: T; groupId: string }>): Promise<T> {
    const { result, groupId, announce } = await inTransaction(this.dataSource, async (em) => {
      const told: RegistrationEvent[] = [];
      const done = await work(em, told);
      const actor = { personId: ctx.viewer?.personId ?? null, staff: isStaff(ctx.viewer) };
      await this.notifications.enqueue(em, await this.notices.emailsFor(em, done.groupId, told, actor));
      await this.seats?.publishSeats(em, done.groupId);
      return { result: done.result, groupId: done.groupId, announce: await this.confirmAtMinimum(em, ctx, done.groupId) };
    }).catch(alreadyRegisteredOnRace);
    this.notifications.queued();
    this.seats?.seatsCommitted(groupId);
    announce();
    return result;
  }

  private async confirmAtMinimum(em: EntityManager, ctx: RequestContext, groupId: string): Promise<() => void> {
    const [row] = await em.query(
      `SELECT g.status = 'OPEN' AND g.min_size <= (SELECT count(*) FROM registration r WHERE r.group_id = g.id AND r.status = 'CONFIRMED') AS reached
         FROM course_group g WHERE g.id = $1`,
      [groupId],
    );
    if (!row?.reached || !this.groupConfirmer) return () => {};
    return this.groupConfirmer.confirmGroupAtMinimum(em, ctx, groupId);
  }

  /** The signed-in person registers themself (R-REG-1, R-REG-2). */
  async register(ctx: RequestContext, input: RegisterInput): Promise<Registration> {
    const personId = this.personOf(ctx);
    checkId(input.groupId, 'groupId');
    return this.changing(ctx, async (em, told) => {
      const group = await this.lockGroup(em, input.groupId);
      if (group.restricted) {
        throw new ForbiddenError('This course is for named institutions only: their coordinators register participants');
      }
      assertOpen(group, new Date());
      // Already registered is the answer even when the profile would not do for a new registration.
      if (await em.getRepository(Registration).existsBy({ personId, groupId: group.id, status: In([...ACTIVE_STATUSES]) })) throw alreadyRegistered();
      const person = await em.getRepository(Person).findOneByOrFail({ id: personId });
      const payer = await this.payerOfPerson(em, person, group.priceCents, input);
      const registration = await this.place(em, group, personId, payer, RegistrationSource.SELF, personId);
      await this.indicatorRecorder?.recordAtRegistration(em, group.id, registration, input.indicatorData);
      told.push({ kind: 'placed', registration });
      return { result: registration, groupId: group.id };
    });
  }

  /**
   * A coordinator (or staff) registers employees of an institution into a group, in one
   * transaction: all of them or, on any refusal, none (R-REG-3). The waiting list keeps the order given.
   */
  async registerEmployees(ctx: RequestContext, input: EmployeeRegistrationInput): Promise<Registration[]> {
    const problems = new Problems();
    for (const [field, value] of [
      ['groupId', input.groupId],
      ['institutionId', input.institutionId],
      ['billingAccountId', input.billingAccountId],
    ] as const) {
      if (value && !isUuid(value)) problems.add(field, 'INVALID_ID', `${field} is not a valid id`);
    }
    input.personIds.forEach((id, i) => isUuid(id) || problems.add(`personIds.${i}`, 'INVALID_ID', 'Not a valid person id'));
    if (input.personIds.length === 0) problems.add('personIds', 'REQUIRED', 'Choose at least one employee');
    if (input.personIds.length > 200) problems.add('personIds', 'TOO_MANY', 'At most 200 employees at a time');
    if (new Set(input.personIds).size !== input.personIds.length) problems.add('personIds', 'DUPLICATE', 'An employee is listed twice');
    problems.throwIfAny();
    const staff = isStaff(ctx.viewer);
    if (!staff && !ctx.viewer?.coordinatorInstitutionIds.includes(input.institutionId)) {
      throw new ForbiddenError('A coordinator registers only the employees of their own institution');
    }
    const registeredBy = ctx.viewer?.personId ?? null;
    return this.changing(ctx, async (em, told) => {
      const group = await this.lockGroup(em, input.groupId);
      if (group.restricted && !staff && !group.allowedInstitutionIds.includes(input.institutionId)) {
        throw new ForbiddenError('This course is not open to your institution');
      }
      if (!staff) assertOpen(group, new Date());
      const employed: { person_id: string }[] = await em.query(
        `SELECT DISTINCT person_id FROM employment WHERE institution_id = $1 AND ended_at IS NULL AND person_id = ANY($2)`,
        [input.institutionId, input.personIds],
      );
      const current = new Set(employed.map((row) => row.person_id));
      const foreign = input.personIds.filter((id) => !current.has(id));
      if (foreign.length > 0) throw new ForbiddenError(`${foreign.length} of the people chosen are not employees of this institution today`);
      const payer = group.priceCents === 0 ? NO_PAYER : await this.institutionPayer(em, input.institutionId, input.billingAccountId);
      const source = staff ? RegistrationSource.STAFF : RegistrationSource.COORDINATOR;
      const placed: Registration[] = [];
      for (const personId of input.personIds) placed.push(await this.place(em, group, personId, payer, source, registeredBy));
      told.push(...placed.map((registration) => ({ kind: 'placed' as const, registration })));
      return { result: placed, groupId: group.id };
    });
  }

  /**
   * Cancels a registration: its person before the group's registration deadline, their
   * institution's coordinator and staff at any time (R-REG-7). A freed seat goes to the first waiting.
   */
  async cancel(ctx: RequestContext, input: CancelRegistrationInput): Promise<Registration> {
    checkId(input.id, 'id');
    const reason = input.reason?.trim() || null;
    if (reason && reason.length > 500) throw fieldError('reason', 'LENGTH', 'At most 500 characters');
    return this.changing(ctx, async (em, told) => {
      const found = await em.getRepository(Registration).findOneBy({ id: input.id });
      if (!found || !(await this.mayManage(em, ctx, found))) throw new NotFoundError('Registration', input.id);
      const group = await this.lockGroup(em, found.groupId);
      const registration = await em.getRepository(Registration).findOneByOrFail({ id: input.id }); // as of the lock
      if (registration.status === RegistrationStatus.CANCELLED) return { result: registration, groupId: group.id };
      const own = registration.personId === ctx.viewer?.personId;
      const manager = isStaff(ctx.viewer) || (await this.coordinatesPerson(em, ctx, registration.personId));
      if (own && !manager && group.registrationDeadline && group.registrationDeadline.getTime() <= Date.now()) {
        throw new DomainError(ErrorCode.DEADLINE_PASSED, 'The deadline for cancelling has passed: write to the school', {
          deadline: group.registrationDeadline.toISOString(),
        });
      }
      const heldSeat = registration.status === RegistrationStatus.CONFIRMED;
      Object.assign(registration, {
        status: RegistrationStatus.CANCELLED,
        waitingPosition: null,
        cancelledAt: new Date(),
        cancelledById: ctx.viewer?.personId ?? null,
        cancellationReason: reason,
      });
      await em.save(registration);
      const byOther = own ? null : await this.nameOf(em, ctx.viewer?.personId);
      told.push({ kind: 'cancelled', registration, hadSeat: heldSeat, cancelledBy: byOther });
      if (heldSeat) told.push(...(await this.fillFreeSeats(em, group)).map((moved) => ({ kind: 'movedUp' as const, registration: moved })));
      return { result: registration, groupId: group.id };
    });
  }

  /** Staff: moves a waiting person into the group now, over the maximum if need be. */
  async confirmFromWaitingList(ctx: RequestContext, id: string): Promise<Registration> {
    checkId(id, 'id');
    if (!isStaff(ctx.viewer)) throw new ForbiddenError();
    return this.changing(ctx, async (em, told) => {
      const found = await em.getRepository(Registration).findOneBy({ id });
      if (!found) throw new NotFoundError('Registration', id);
      await this.lockGroup(em, found.groupId);
      const registration = await em.getRepository(Registration).findOneByOrFail({ id });
      if (registration.status !== RegistrationStatus.WAITING) {
        throw fieldError('id', 'NOT_WAITING', 'Only a registration on the waiting list can be confirmed');
      }
      Object.assign(registration, { status: RegistrationStatus.CONFIRMED, waitingPosition: null });
      await em.save(registration);
      told.push({ kind: 'movedUp', registration });
      return { result: registration, groupId: registration.groupId };
    });
  }

  /** The signed-in person's own registrations, newest first. */
  async myRegistrations(ctx: RequestContext): Promise<Registration[]> {
    const personId = this.personOf(ctx);
    return this.dataSource.getRepository(Registration).find({ where: { personId }, order: { createdAt: 'DESC', id: 'ASC' }, take: 500 });
  }

  /** Seats held per group. Pass the transaction's manager when called inside one. */
  async seatsTakenByGroupIds(groupIds: readonly string[], em: EntityManager = this.dataSource.manager): Promise<Map<string, number>> {
    const rows: { group_id: string; taken: number }[] = await em.query(
      `SELECT group_id, count(*)::int AS taken FROM registration
        WHERE group_id = ANY($1) AND status = ANY($2) GROUP BY group_id`,
      [groupIds, [...SEAT_HOLDING_STATUSES]],
    );
    return new Map(rows.map((row) => [row.group_id, row.taken]));
  }

  /** The viewer's active registration per group, for "already registered" on course pages. */
  async activeRegistrationsOfPerson(personId: string, groupIds: readonly string[]): Promise<Map<string, Registration>> {
    const rows = await this.dataSource
      .getRepository(Registration)
      .createQueryBuilder('r')
      .where('r.person_id = :personId AND r.group_id IN (:...groupIds) AND r.status IN (:...active)', { personId, groupIds, active: [...ACTIVE_STATUSES] })
      .getMany();
    return new Map(rows.map((r) => [r.groupId, r]));
  }

  /** The people who expect a group's sessions (confirmed or waiting), with their status. */
  async expectingPeopleOfGroup(groupId: string, em: EntityManager = this.dataSource.manager): Promise<{ personId: string; status: RegistrationStatus }[]> {
    const rows: { person_id: string; status: RegistrationStatus }[] = await em.query(
      `SELECT person_id, status FROM registration WHERE group_id = $1 AND status = ANY($2) ORDER BY waiting_position NULLS FIRST, created_at, id`,
      [groupId, [...SCHEDULE_EXPECTING_STATUSES]],
    );
    return rows.map((row) => ({ personId: row.person_id, status: row.status }));
  }

  /** The groups in which the person is expected (confirmed or waiting). */
  async expectedGroupIdsOfPerson(personId: string): Promise<string[]> {
    const rows: { group_id: string }[] = await this.dataSource.query(`SELECT group_id FROM registration WHERE person_id = $1 AND status = ANY($2)`, [
      personId,
      [...SCHEDULE_EXPECTING_STATUSES],
    ]);
    return rows.map((row) => row.group_id);
  }

  /**
   * Newest first. Staff see every registration; a coordinator and an API token with
   * REGISTRATIONS_READ only those of persons employed today at their institution(s).
   */
  async listRegistrations(
    ctx: RequestContext,
    filter: RegistrationFilter = {},
    pageArgs?: PageArgs,
    order: RegistrationOrder = RegistrationOrder.NEWEST,
  ): Promise<Page<Registration>> {
    const problems = new Problems();
    const window = pageWindow(pageArgs ?? { page: 1, perPage: 20 }, problems);
    for (const field of ['institutionId', 'groupId', 'courseId'] as const) {
      const value = filter[field];
      if (value !== undefined && value !== null && !isUuid(value)) problems.add(`filter.${field}`, 'INVALID_ID', `${field} is not a valid id`);
    }
    problems.throwIfAny();

    const qb = this.dataSource.getRepository(Registration).createQueryBuilder('r');
    const institutionIds = this.visibleInstitutionIds(ctx, filter.institutionId ?? undefined);
    if (institutionIds) {
      const employees = this.institutions.currentEmployeePersonIdsQuery(institutionIds);
      qb.andWhere(`r.person_id IN (${employees.getQuery()})`, employees.getParameters());
    }
    if (filter.groupId) qb.andWhere('r.group_id = :groupId', { groupId: filter.groupId });
    // Plain SQL over the scheduling table: GroupsService depends on this service (seats), not the reverse.
    if (filter.courseId) qb.andWhere('r.group_id IN (SELECT g.id FROM course_group g WHERE g.course_id = :courseId)', { courseId: filter.courseId });
    if (filter.status) qb.andWhere('r.status = :status', { status: filter.status });

    if (order === RegistrationOrder.LIST) {
      qb.innerJoin('person', 'p', 'p.id = r.person_id')
        .orderBy(`CASE r.status WHEN 'CONFIRMED' THEN 0 WHEN 'WAITING' THEN 1 ELSE 2 END`)
        .addOrderBy('r.waiting_position', 'ASC', 'NULLS FIRST')
        .addOrderBy('p.family_name')
        .addOrderBy('p.given_name')
        .addOrderBy('r.created_at', 'ASC');
    } else {
      qb.orderBy('r.created_at', 'DESC');
    }
    const [items, total] = await qb.addOrderBy('r.id').offset(window.offset).limit(window.limit).getManyAndCount();
    return { items, total };
  }

  private personOf(ctx: RequestContext): string {
    const personId = ctx.viewer?.personId;
    if (!personId) throw new ForbiddenError('Only a signed-in person can register');
    return personId;
  }

  /** Reads the group with its course under a row lock: the one place where seats are counted. */
  private async lockGroup(em: EntityManager, groupId: string): Promise<LockedGroup> {
    const [row] = await em.query(
      `SELECT g.id, g.status, g.max_size, g.registration_deadline, coalesce(g.price_override_cents, c.price_cents) AS price_cents,
              c.visibility = 'RESTRICTED' AS restricted,
              array(SELECT institution_id FROM course_allowed_institution WHERE course_id = c.id)::text[] AS allowed
         FROM course_group g JOIN course c ON c.id = g.course_id
        WHERE g.id = $1
          FOR UPDATE OF g`,
      [groupId],
    );
    if (!row) throw new NotFoundError('Group', groupId);
    return {
      id: row.id,
      status: row.status,
      maxSize: row.max_size,
      registrationDeadline: row.registration_deadline ? new Date(row.registration_deadline) : null,
      priceCents: Number(row.price_cents),
      restricted: row.restricted,
      allowedInstitutionIds: row.allowed,
    };
  }

  /** CONFIRMED while the group has a free seat, else at the end of the waiting list. */
  private async place(
    em: EntityManager,
    group: LockedGroup,
    personId: string,
    payer: Payer,
    source: RegistrationSource,
    registeredById: string | null,
  ): Promise<Registration> {
    const [{ taken, active, last }] = await em.query(
      `SELECT count(*) FILTER (WHERE status = 'CONFIRMED')::int AS taken,
              count(*) FILTER (WHERE person_id = $2 AND status = ANY($3))::int AS active,
              max(waiting_position) FILTER (WHERE status = 'WAITING') AS last
         FROM registration WHERE group_id = $1`,
      [group.id, personId, [...ACTIVE_STATUSES]],
    );
    if (active > 0) throw alreadyRegistered();
    const confirmed = taken < group.maxSize;
    return em.save(
      em.create(Registration, {
        personId,
        groupId: group.id,
        status: confirmed ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITING,
        waitingPosition: confirmed ? null : Number(last ?? 0) + 1,
        payerKind: payer.kind,
        billingAccountId: payer.billingAccountId,
        payerSnapshot: payer.snapshot,
        priceCents: group.priceCents,
        source,
        registeredById,
        cancelledAt: null,
        cancelledById: null,
        cancellationReason: null,
      }),
    );
  }

  /** Moves waiting people up, in order, while the group has free seats; returns them. */
  private async fillFreeSeats(em: EntityManager, group: LockedGroup): Promise<Registration[]> {
    const [moved]: [{ id: string }[], number] = await em.query(
      `UPDATE registration SET status = 'CONFIRMED', waiting_position = NULL
        WHERE id IN (SELECT id FROM registration WHERE group_id = $1 AND status = 'WAITING' ORDER BY waiting_position
                      LIMIT greatest(0, $2 - (SELECT count(*) FROM registration WHERE group_id = $1 AND status = 'CONFIRMED')))
        RETURNING id`,
      [group.id, group.maxSize],
    );
    return moved.length ? em.getRepository(Registration).findBy({ id: In(moved.map((row) => row.id)) }) : [];
  }

  private async nameOf(em: EntityManager, personId: string | null | undefined): Promise<string | null> {
    if (!personId || !isUuid(personId)) return null;
    return (await this.notices.namesOf(em, [personId])).get(personId) ?? null;
  }

  /** The payer of a self-registration, with the profile data it needs (R-ID-3, R-ID-4). */
  private async payerOfPerson(em: EntityManager, person: Person, priceCents: number, input: RegisterInput): Promise<Payer> {
    if (!person.email) throw incomplete(['email']);
    if (priceCents === 0) return NO_PAYER;
    if (!input.payer) throw fieldError('payer', 'REQUIRED', 'Choose who pays');
    if (input.payer === PayerKind.PRIVATE) {
      if (!isCompleteAddress(person.declaredAddress)) throw incomplete(['declaredAddress']);
      const name = `${person.givenName} ${person.familyName}`;
      return {
        kind: PayerKind.PRIVATE,
        billingAccountId: null,
        snapshot: { name, registrationNumber: null, vatNumber: null, address: person.declaredAddress, email: person.email, iban: null },
      };
    }
    if (input.payer !== PayerKind.INSTITUTION) throw fieldError('payer', 'INVALID', 'Choose a private person or an institution');
    if (input.billingAccountId) {
      checkId(input.billingAccountId, 'billingAccountId');
      const [account] = await em.query(
        `SELECT b.institution_id FROM billing_account b
          WHERE b.id = $1 AND EXISTS (SELECT 1 FROM employment e WHERE e.person_id = $2 AND e.institution_id = b.institution_id AND e.ended_at IS NULL)`,
        [input.billingAccountId, person.id],
      );
      if (!account) throw fieldError('billingAccountId', 'NOT_YOUR_EMPLOYER', 'Not a billing account of your employer');
      return this.institutionPayer(em, account.institution_id, input.billingAccountId);
    }
    const missing = [
      !person.employerName && 'employer.name',
      !person.employerRegistrationNumber && 'employer.registrationNumber',
      !isCompleteAddress(person.employerAddress) && 'employer.address',
    ].filter((field): field is string => !!field);
    if (missing.length > 0) throw incomplete(missing);
    return {
      kind: PayerKind.INSTITUTION,
      billingAccountId: null,
      snapshot: {
        name: person.employerName!,
        registrationNumber: person.employerRegistrationNumber,
        vatNumber: person.employerVatNumber,
        address: person.employerAddress,
        email: person.employerInvoiceEmail ?? person.email,
        iban: null,
      },
    };
  }

  /** An institution pays through one of its billing accounts (not archived). */
  private async institutionPayer(em: EntityManager, institutionId: string, billingAccountId: string | null | undefined): Promise<Payer> {
    if (!billingAccountId) throw fieldError('billingAccountId', 'REQUIRED', 'Choose the billing account that pays');
    const [row] = await em.query(
      `SELECT i.name, i.registration_number, i.vat_number, i.legal_address, coalesce(b.invoice_email, i.invoice_email) AS email, b.number
         FROM billing_account b JOIN institution i ON i.id = b.institution_id
        WHERE b.id = $1 AND b.institution_id = $2 AND b.archived_at IS NULL`,
      [billingAccountId, institutionId],
    );
    if (!row) throw fieldError('billingAccountId', 'NOT_FOUND', 'No such billing account of this institution');
    return {
      kind: PayerKind.INSTITUTION,
      billingAccountId,
      snapshot: {
        name: row.name,
        registrationNumber: row.registration_number,
        vatNumber: row.vat_number,
        address: row.legal_address,
        email: row.email,
        iban: row.number,
      },
    };
  }

  /** Whether the viewer may see and cancel this registration: its person, staff, or their coordinator. */
  private async mayManage(em: EntityManager, ctx: RequestContext, registration: Registration): Promise<boolean> {
    if (registration.personId === ctx.viewer?.personId || isStaff(ctx.viewer)) return true;
    return this.coordinatesPerson(em, ctx, registration.personId);
  }

  private async coordinatesPerson(em: EntityManager, ctx: RequestContext, personId: string): Promise<boolean> {
    const own = ctx.viewer?.kind === 'person' ? ctx.viewer.coordinatorInstitutionIds : [];
    if (own.length === 0) return false;
    const [row] = await em.query(`SELECT 1 FROM employment WHERE person_id = $1 AND institution_id = ANY($2) AND ended_at IS NULL LIMIT 1`, [personId, own]);
    return !!row;
  }

  /** The institutions whose employees' registrations the viewer may read; null: all of them (staff, no filter). */
  private visibleInstitutionIds(ctx: RequestContext, requested: string | undefined): string[] | null {
    const viewer = ctx.viewer;
    if (isStaff(viewer)) return requested ? [requested] : null;
    if (viewer?.kind === 'token') {
      if (!hasScope(viewer, ApiScope.REGISTRATIONS_READ) || !viewer.institutionId) throw new ForbiddenError('This API token has no scope for this');
      if (requested && requested !== viewer.institutionId) throw new ForbiddenError("An API token reads only its own institution's registrations");
      return [viewer.institutionId];
    }
    const own = viewer?.coordinatorInstitutionIds ?? [];
    if (own.length === 0) throw new ForbiddenError();
    if (!requested) return own;
    if (!own.includes(requested)) throw new ForbiddenError('A coordinator reads only their own institutions');
    return [requested];
  }
}

const NO_PAYER: Payer = { kind: PayerKind.NONE, billingAccountId: null, snapshot: null };

function fieldError(field: string, code: string, message: string): ValidationError {
  return new ValidationError([{ field, code, message }]);
}

function checkId(value: string, field: string): void {
  if (!isUuid(value)) throw fieldError(field, 'INVALID_ID', `${field} is not a valid id`);
}

/** A published group before its registration deadline takes registrations. */
function assertOpen(group: LockedGroup, now: Date): void {
  if (!OPEN_STATUSES.includes(group.status)) {
    throw new DomainError(ErrorCode.REGISTRATION_CLOSED, 'This group does not take registrations', { groupStatus: group.status });
  }
  if (group.registrationDeadline && group.registrationDeadline.getTime() <= now.getTime()) {
    throw new DomainError(ErrorCode.DEADLINE_PASSED, 'The registration deadline of this group has passed', {
      deadline: group.registrationDeadline.toISOString(),
    });
  }
}

function incomplete(missing: string[]): DomainError {
  return new DomainError(ErrorCode.PROFILE_INCOMPLETE, `Complete your profile first: ${missing.join(', ')}`, { missing });
}

function alreadyRegistered(): DomainError {
  return new DomainError(ErrorCode.ALREADY_REGISTERED, 'Already registered in this group');
}

/** Two requests for one person and group at once: the unique index stops the second. */
function alreadyRegisteredOnRace(error: unknown): never {
  if (error instanceof DomainError && error.code === ErrorCode.ALREADY_EXISTS && error.details.constraint === 'registration_active_uq')
    throw alreadyRegistered();
  throw error;
}
